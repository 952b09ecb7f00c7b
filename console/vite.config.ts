import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vendor code changes far less often than the console: separate chunks stay cached across deploys.
const vendorGroups = [
  { name: 'vendor-vue', test: /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
  { name: 'vendor-naive', test: /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(naive-ui|css-render|@css-render|vueuc|vooks|vdirs|seemly|evtd|treemate|date-fns|date-fns-tz|lodash-es|async-validator|@juggle|@emotion)[\\/]/ },
  { name: 'vendor-graphql', test: /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@urql|wonka|@0no-co)[\\/]/ },
];

export default defineConfig({
  plugins: [vue()],
  define: {
    // The console uses the Composition API only; dropping the rest shrinks Vue and vue-i18n.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5173,
    proxy: {
      // The API runs separately in development (`pnpm dev` at the root); in production the server serves both.
      '/graphql': { target: process.env.SIKAP_API_URL ?? 'http://localhost:4000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Maps stay next to the bundle for decoding stack traces, without browsers fetching them.
    sourcemap: 'hidden',
    // Naive UI's data table, tree and overlays are most of the vendor-naive chunk (about 180 kB gzip);
    // it is cached across deploys, so its size is accepted rather than split further.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
