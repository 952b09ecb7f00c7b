import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vendor code changes far less often than the console: separate chunks stay cached across deploys.
// Naive UI is deliberately not one vendor chunk: grouped, every component any page uses (data table,
// tree, upload, tabs…) loaded before the first page (about 213 kB gzip). Left to the bundler, each
// route loads the components it uses, shared ones in shared chunks, and the dashboard's initial
// JavaScript stays under its 300 kB gzip budget (ECharts is a lazy chunk of its own).
const vendorGroups = [
  { name: 'vendor-vue', test: /[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
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
    // The import graph, for the browser tests' check of the dashboard's initial JavaScript.
    manifest: true,
    // Lazily loaded chunks near this limit: ECharts (about 190 kB gzip, 580 kB raw) and exceljs, which the
    // query builder loads only when exporting XLSX (about 250 kB gzip, 930 kB raw).
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
