import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.ts'],
      restoreMocks: true,
      // The first mount of a page pulls in Naive UI's styles and components, which takes
      // several seconds on a busy 2-core machine; 5 s (the default) made that test flaky.
      testTimeout: 20_000,
    },
  }),
);
