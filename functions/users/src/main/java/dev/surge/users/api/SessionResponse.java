package dev.surge.users.api;

/** Answer of {@code POST /sessions}: an OAuth2-style bearer token. */
public record SessionResponse(String accessToken, String tokenType, long expiresIn) {}
