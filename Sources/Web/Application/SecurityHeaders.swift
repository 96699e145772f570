import HTTPCore

/// Response headers that close common browser attack paths; added unless a response sets its own.
public enum SecurityHeaders {
    public static let standard: HTTPHeaders = [
        // Scripts and styles only from our own origin; no framing (clickjacking); no plugins.
        "Content-Security-Policy":
            "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
    ]
}
