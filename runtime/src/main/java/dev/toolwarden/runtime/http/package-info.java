/** Streamable HTTP transport options: bind address, TLS, origins, size bounds and OAuth ({@link dev.toolwarden.runtime.http.HttpOptions}). */
package dev.toolwarden.runtime.http;
