import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a bearer token for the local dev keys, as the users function issues them (RS256, issuer
 * https://surge.dev/users, subject the user id), signed with SURGE_JWT_PRIVATE_KEY from .surge/env.
 * JDK only, so it runs without a build: {@code java dev/Token.java --admin | <userId> [minutes]}.
 * An admin token has group admin and subject 0 (no user), like shared-testing's Tokens.admin().
 */
public class Token {
  public static void main(String[] args) throws Exception {
    boolean each = args.length >= 1 && args[0].equals("--each");
    if (args.length < 1
        || !(each || args[0].equals("--admin") || args[0].matches("[1-9][0-9]{0,18}"))) {
      System.err.println(
          "usage: dev/token --admin | <userId> [minutes, default 60] | --each [minutes] < ids");
      System.exit(2);
    }
    String pem = System.getenv("SURGE_JWT_PRIVATE_KEY");
    if (pem == null || !pem.contains("BEGIN PRIVATE KEY")) {
      System.err.println("dev/token: SURGE_JWT_PRIVATE_KEY (PKCS#8 PEM) is not set; run dev/platform up");
      System.exit(1);
    }
    long minutes = args.length > 1 ? Long.parseLong(args[1]) : 60;
    PrivateKey key = key(pem);
    if (each) {
      // One "<id> <token>" line per user id read from stdin: benchmarks need thousands of buyers,
      // and one JVM start per token would take minutes.
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
      for (String id = in.readLine(); id != null; id = in.readLine()) {
        if (id.strip().matches("[1-9][0-9]{0,18}")) {
          System.out.println(id.strip() + " " + sign(key, id.strip(), false, minutes));
        }
      }
      return;
    }
    boolean admin = args[0].equals("--admin");
    System.out.println(sign(key, admin ? "0" : args[0], admin, minutes));
  }

  private static String sign(PrivateKey key, String subject, boolean admin, long minutes)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    String claims =
        "{\"iss\":\"https://surge.dev/users\",\"sub\":\"%s\",%s\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}"
            .formatted(
                subject,
                admin ? "\"groups\":[\"admin\"]," : "",
                now,
                now + minutes * 60,
                UUID.randomUUID());
    String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static PrivateKey key(String pem) throws Exception {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
  }
}
