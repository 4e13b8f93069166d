package dev.surge.events.support;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * This module's test app stands for a function, but has no authentication extension (every real
 * function has smallrye-jwt, which provides the caller's identity). shared-web's LogContext asks
 * for the identity of each request; here there never is one.
 */
@Singleton
public class NoIdentity implements CurrentIdentityAssociation {
  @Override
  public void setIdentity(SecurityIdentity identity) {}

  @Override
  public void setIdentity(Uni<SecurityIdentity> identity) {}

  @Override
  public SecurityIdentity getIdentity() {
    return null;
  }

  @Override
  public Uni<SecurityIdentity> getDeferredIdentity() {
    return Uni.createFrom().nullItem();
  }
}
