/**
 * Builds the Excel add-in into dist/ (the `arrs` command line is built by tsc, not here).
 *
 *   npm run build                          production: minified, office.js from Microsoft's CDN
 *   npm run build:dev                      development: readable, with source maps
 *   ADDIN_URL=https://example.org/arrs/ npm run build
 *                                          dist/manifest.xml points there instead of https://localhost:3000/
 *   npm run build:dev -- --env localOffice office.js copied from node_modules into dist (offline browser tests)
 *   npm run dev-server                     webpack-dev-server on http://localhost:3000/ (see HTTPS below)
 *
 * Pages (shared runtime, as in Microsoft's "Configure your Office Add-in to use a shared runtime"):
 * - taskpane.html: the one runtime. It loads the task pane (src/taskpane/index.tsx), the ribbon
 *   commands (src/commands/commands.ts) and the custom functions (src/functions/functions.ts); the
 *   manifest's Runtime, FunctionFile and custom functions Page all point at it. The template is the
 *   task pane's own (src/taskpane/taskpane.html); this file does not change it beyond adding scripts.
 * - commands.html: the small dialog in which the Claim summary button shows its outcome
 *   (src/commands/commands.html + notice.ts). There is no separate functions.html.
 *
 * office.js: webpack adds <script src=".../office.js"> to every page (before the bundles, which are
 * deferred), so templates should not name it. If a template does, its tag is pointed at the same URL
 * rather than added twice. A Content-Security-Policy in a template must allow
 * https://appsforoffice.microsoft.com (scripts) unless built with --env localOffice.
 *
 * The task pane's checks run in a Web Worker: webpack bundles src/taskpane/check.worker.ts (and the
 * pipeline it imports) from `new Worker(new URL("./check.worker.ts", import.meta.url))` in
 * src/taskpane/index.tsx, as a chunk of its own; the pages' policy allows workers from 'self'.
 *
 * Entries keep fixed names ([name].js) because the manifest names functions.js; chunks loaded later
 * (ExcelJS, which the browser mode imports dynamically) get content hashes. One webpack runtime
 * (runtime.js) serves all the bundles of a page, so the task pane, the commands and the functions share
 * one copy of each module in the shared runtime.
 *
 * functions.json is generated from the JSDoc @customfunction tags in src/functions/functions.ts by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls.
 */
const path = require("path");
const { URL } = require("url");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** The URL every manifest.xml address starts with; ADDIN_URL replaces it in dist/manifest.xml. */
const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * --env localOffice: office.js from the npm package, for browser tests with no network. Outside Office
 * it also fetches o15apptofilemappingtable.js from beside itself, so that is copied too.
 */
const LOCAL_OFFICE_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const LOCAL_OFFICE_FILES = ["office.js", "o15apptofilemappingtable.js"];

/** ADDIN_URL as the manifest needs it: an https:// address ending in "/". */
function addinUrl(value) {
  if (value === undefined || value.trim() === "") return DEV_URL;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_URL "${value}" is not a URL. Give the https:// address dist/ will be served from, e.g. ADDIN_URL=https://example.org/arrs/`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL "${value}" must start with https://: Office loads add-ins over HTTPS only.`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL "${value}" must be a plain folder address, without ? or #.`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest with every development address replaced by the add-in's own. */
function withAddinUrl(manifest, url) {
  return manifest.split(DEV_URL).join(url);
}

/** Adds office.js to each page built by HtmlWebpackPlugin, or points a template's own tag at it. */
class OfficeJsPlugin {
  constructor(src) {
    this.src = src;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsPlugin", (data) => {
        const tag = `<script src="${this.src}"></script>`;
        const existing = /<script\b[^>]*\bsrc=["'][^"']*\/?office(?:\.debug)?\.js["'][^>]*>\s*<\/script>/i;
        if (existing.test(data.html)) data.html = data.html.replace(existing, tag);
        else {
          // Before the page's first script in <head> (the deferred bundles), else at the end of <head>.
          const head = /<\/head>/i.exec(data.html);
          const firstScript = /<script\b/i.exec(data.html);
          const at = firstScript && head && firstScript.index < head.index ? firstScript.index : head ? head.index : 0;
          data.html = `${data.html.slice(0, at)}${tag}${data.html.slice(at)}`;
        }
        return data;
      });
    });
  }
}

/**
 * HTTPS for the dev server. Excel (desktop and the web) only loads add-ins over HTTPS from a
 * certificate it trusts, so a real sideload needs DEV_SERVER_CERT and DEV_SERVER_KEY: paths to a
 * localhost certificate and key your system trusts (made with mkcert, or the files that
 * `npx office-addin-dev-certs install` writes to ~/.office-addin-dev-certs/). Without them the server
 * speaks plain HTTP, which is enough for browser tests of the pages outside Office.
 */
function devServerTransport() {
  const cert = process.env.DEV_SERVER_CERT;
  const key = process.env.DEV_SERVER_KEY;
  if (!cert && !key) return "http";
  if (!cert || !key) throw new Error("Set both DEV_SERVER_CERT and DEV_SERVER_KEY (certificate and key files) for HTTPS, or neither for plain HTTP.");
  return { type: "https", options: { cert, key } };
}

/**
 * The pages' Content-Security-Policy: scripts only from this add-in's own origin and Microsoft's
 * office.js CDN (office.js loads its host files from there), no eval, no plugins, and no network
 * requests except to those two. Styles may be inline because Fluent UI injects its style rules at run
 * time. The development server's live reload needs its websocket.
 */
function contentSecurityPolicy(mode) {
  const officeCdn = "https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src 'self' ${officeCdn}`,
    // The check runs in a Web Worker (src/taskpane/check.worker.ts), from this add-in's own origin.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${officeCdn}${mode === "development" ? " ws: wss:" : ""}`,
    `frame-src 'self' ${officeCdn}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const localOffice = Boolean(env.localOffice);
  const manifestUrl = addinUrl(process.env.ADDIN_URL);

  return {
    mode,
    context: __dirname,
    target: "web",
    devtool: mode === "production" ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      notice: "./src/commands/notice.ts",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            configFile: path.join(__dirname, "tsconfig.json"),
            // Types are checked by `npm run typecheck`. ES modules let webpack drop what is not used:
            // with tsconfig.json's CommonJS, Fluent UI would be bundled whole (MiBs instead of KiBs).
            transpileOnly: true,
            compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: true },
          },
        },
      ],
    },
    optimization: {
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    // The budget that matters (the task pane's initial JavaScript) is asserted by test/build/bundle.test.ts.
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        meta: { csp: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(mode) } },
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        meta: { csp: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(mode) } },
        chunks: ["notice"],
      }),
      new OfficeJsPlugin(localOffice ? "office.js" : OFFICE_JS_CDN),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => withAddinUrl(content.toString("utf8"), manifestUrl),
          },
          ...(localOffice ? LOCAL_OFFICE_FILES.map((name) => ({ from: path.join(LOCAL_OFFICE_DIR, name), to: name })) : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: devServerTransport(),
      // Excel fetches functions.json and the pages from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.addinUrl = addinUrl;
module.exports.withAddinUrl = withAddinUrl;
