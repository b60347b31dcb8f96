package diemcau;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds the embedded database and the secrets behind every token and key: only the
 * user the server runs as may enter it. Created {@code rwx------}; one left more open (by an older
 * version, or by hand) is narrowed at start, and so is any file in it that others could read.
 */
final class DataFolder {

  private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private DataFolder() {}

  /** Makes {@code folder} exist, open to its owner only. */
  static void prepare(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath();
    if (!Files.isDirectory(absolute)) {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      try {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createDirectory(absolute);
      }
    }
    narrow(absolute);
  }

  /** Takes group and others' permissions off the folder and the files in it (not below). */
  static void narrow(Path folder) throws IOException {
    if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
      return;
    }
    narrowOne(folder);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          narrowOne(file);
        }
      }
    }
  }

  private static void narrowOne(Path path) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    if (permissions.removeAll(OTHERS)) {
      Files.setPosixFilePermissions(path, permissions);
      LOG.info("data folder: {} made readable by its owner only", path);
    }
  }
}
