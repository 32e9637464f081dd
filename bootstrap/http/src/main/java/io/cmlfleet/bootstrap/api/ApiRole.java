package io.cmlfleet.bootstrap.api;

/** What a caller of the HTTP API may do: read, or read and change. */
public enum ApiRole {
    /** GET requests and the Prometheus scrape. */
    READ_ONLY,
    /** Everything READ_ONLY may, plus every mutation (provision, import, start, stop, terminate, endpoints). */
    ADMIN
}
