package dev.surge.users.data;

/** What login needs, read from the email's lookup row on one shard. */
public record Login(long userId, String handle, String passwordHash) {}
