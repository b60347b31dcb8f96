package diemcau.finale;

import diemcau.command.Caller;
import diemcau.command.Credentials;
import diemcau.command.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The judges' tokens as the command door sees them: a presented token is hashed and looked up
 * among the stored hashes, so the tokens themselves are never kept, and the lookup's timing
 * depends only on the hash. Thread-safe: the command verticle installs, any event loop asks.
 */
public final class JudgeTokens implements Credentials.TokenLookup {

  private static final SecureRandom RANDOM = new SecureRandom();

  private volatile Map<String, String> judgeByHash = Map.of();

  /** Makes exactly these judges' tokens valid. */
  public void install(List<Judge> judges) {
    judgeByHash = judges.stream().collect(Collectors.toUnmodifiableMap(Judge::tokenHash, Judge::id));
  }

  @Override
  public Optional<Caller> caller(String token) {
    return Optional.ofNullable(judgeByHash.get(hash(token))).map(id -> new Caller(Role.JUDGE, id));
  }

  /** SHA-256 of the token, as 64 lower-case hex digits. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new unguessable token (192 bits, URL-safe). */
  public static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True for what {@link #hash} makes. */
  public static boolean isHash(String text) {
    return text != null && text.matches("[0-9a-f]{64}");
  }
}
