/** The part of @11ty/eleventy-dev-server that `npm start` uses (the package ships no types). */
declare module '@11ty/eleventy-dev-server' {
  interface DevServer {
    serve(port: number): void;
    reload(event: { files: string[]; subtype: string; build: object }): void;
    close(): Promise<void>;
  }
  const EleventyDevServer: { getServer(name: string, dir: string, options: Record<string, unknown>): DevServer };
  export default EleventyDevServer;
}
