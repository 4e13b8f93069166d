package dev.surge.model.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Data of {@value EventTypes#USER_SIGNED_UP}. No email or secret: consumers get public facts. */
@RegisterForReflection
public record UserSignedUp(String userId, String handle, String displayName, Instant signedUpAt) {}
