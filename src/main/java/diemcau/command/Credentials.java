package diemcau.command;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MC and admin tokens, the secret behind the bridge keys, and the lookups of tokens that
 * features issue themselves (judges). The fixed tokens come from settings or are generated on
 * first start and kept in {@code secrets.json} in the data folder, and are compared in
 * constant time.
 */
public final class Credentials {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String FILE = "secrets.json";

  private final byte[] mcToken;
  private final byte[] adminToken;
  private final byte[] bridgeSecret;
  private final Path secretsFile;
  /** The generated tokens' lines for a person to read, or null when none was generated on this start. */
  private final String generatedTokens;
  private final List<TokenLookup> lookups = new CopyOnWriteArrayList<>();

  /**
   * Recognises tokens other than the fixed MC and admin tokens (a judge's), for a feature that
   * issues its own. Called on any thread: implementations must be thread-safe.
   */
  @FunctionalInterface
  public interface TokenLookup {
    Optional<Caller> caller(String token);
  }

  private Credentials(String mcToken, String adminToken, String bridgeSecret, Path secretsFile, String generatedTokens) {
    this.mcToken = mcToken.getBytes(StandardCharsets.UTF_8);
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.bridgeSecret = bridgeSecret.getBytes(StandardCharsets.UTF_8);
    this.secretsFile = secretsFile;
    this.generatedTokens = generatedTokens;
  }

  /**
   * Reads the data folder's secrets, generating any that are missing. A token given in settings
   * wins over the stored one and is never written to disk.
   */
  public static Credentials load(Path dataDir, String mcSetting, String adminSetting) {
    Path file = dataDir.resolve(FILE);
    try {
      JsonObject stored = Files.exists(file) ? new JsonObject(Files.readString(file)) : new JsonObject();
      StringBuilder notice = new StringBuilder();
      boolean changed = false;
      for (String key : new String[] {"mcToken", "adminToken", "bridgeSecret"}) {
        if (stored.getString(key) == null) {
          stored.put(key, randomToken());
          changed = true;
          if (!key.equals("bridgeSecret") && setting(key, mcSetting, adminSetting) == null) {
            notice.append(String.format("  %-11s %s%n", key.equals("mcToken") ? "MC token" : "Admin token", stored.getString(key)));
          }
        }
      }
      if (changed) {
        writeOwnerOnly(file, stored.encodePrettily());
      }
      String mc = mcSetting != null ? mcSetting : stored.getString("mcToken");
      String admin = adminSetting != null ? adminSetting : stored.getString("adminToken");
      return new Credentials(mc, admin, stored.getString("bridgeSecret"), file.toAbsolutePath(),
          notice.isEmpty() ? null : notice.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static String setting(String key, String mc, String admin) {
    return key.equals("mcToken") ? mc : admin;
  }

  /**
   * What to print when tokens were generated on this start, else empty: the tokens themselves only
   * when {@code terminal} (a person reads them once); otherwise only where they are kept, so that
   * no container or service log ever holds them.
   */
  public Optional<String> generatedNotice(boolean terminal) {
    if (generatedTokens == null) {
      return Optional.empty();
    }
    return Optional.of(terminal
        ? "Generated tokens, kept in " + secretsFile + " (shown only this once):\n" + generatedTokens
        : "Generated an MC and/or admin token, kept in " + secretsFile
            + " (readable by this user only); not printed because the output is not a terminal.");
  }

  /**
   * Writes {@code text} to {@code file} as a file only its owner can read, created so from the
   * start (never widened, then narrowed) and put in place atomically, so no reader ever sees half
   * of it.
   */
  static void writeOwnerOnly(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system: the data folder's own permissions protect it
      Files.createFile(temporary);
    }
    Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The caller a bearer token stands for, if it is a valid token. */
  public Optional<Caller> caller(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = token.getBytes(StandardCharsets.UTF_8);
    boolean admin = MessageDigest.isEqual(presented, adminToken);
    boolean mc = MessageDigest.isEqual(presented, mcToken);
    if (admin) {
      return Optional.of(new Caller(Role.ADMIN, "admin"));
    }
    if (mc) {
      return Optional.of(new Caller(Role.MC, "mc"));
    }
    for (TokenLookup lookup : lookups) {
      Optional<Caller> caller = lookup.caller(token);
      if (caller.isPresent()) {
        return caller;
      }
    }
    return Optional.empty();
  }

  /** Adds a source of further tokens, asked after the fixed ones. */
  public void addLookup(TokenLookup lookup) {
    lookups.add(lookup);
  }

  /** The key of a unit's bridge link: an HMAC of the unit code, so links survive restarts. */
  public String bridgeKey(String unit) {
    return linkKey("bridge:" + unit);
  }

  public boolean bridgeKeyValid(String unit, String key) {
    return keyMatches(bridgeKey(unit), key);
  }

  /**
   * The key of a printed or shared link for {@code purpose} (which link, for whom, which
   * generation): an HMAC under the data folder's secret, so it survives restarts and a new
   * generation makes a new key.
   */
  public String linkKey(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bridgeSecret, "HmacSHA256"));
      byte[] digest = mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares a presented key with the expected one in constant time; null never matches. */
  public static boolean keyMatches(String expected, String presented) {
    return presented != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
