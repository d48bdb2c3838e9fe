// The part of autocannon's programmatic API the load driver uses (the package ships no types).
declare module "autocannon" {
  type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
  type Request = {
    setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  };
  export type Options = {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    /** A fixed number of requests; overrides the duration. */
    amount?: number;
    requests?: Request[];
  };
  type Result = { duration: number; errors: number; timeouts: number };
  type Instance = {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  };
  export default function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
}
