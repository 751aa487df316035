export interface SimResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: T;
}

export interface SimClient {
  get<T = unknown>(path: string): Promise<SimResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<SimResponse<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<SimResponse<T>>;
  delete<T = unknown>(path: string): Promise<SimResponse<T>>;
}

/** A small fetch wrapper for tests and tools: JSON in, JSON out, fixed auth headers. */
export const createSimClient = (baseUrl: string, headers: Readonly<Record<string, string>>): SimClient => {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<SimResponse<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  };
  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
};
