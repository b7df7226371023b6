package com.scantill.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Folders and files only their owner may read: the data folder holds PIN hashes, takings and the secret key, so no
 * other user of the computer may read any of it. Folders are {@code rwx------}, files {@code rw-------}; on a file
 * system without POSIX permissions (Windows) the user's profile folder is relied on instead.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code folder} and its missing parents for their owner only, and makes {@code folder} itself so. */
    public static Path folder(Path folder) {
        try {
            Path absolute = folder.toAbsolutePath();
            Deque<Path> missing = new ArrayDeque<>();
            for (Path path = absolute; path != null && !Files.exists(path); path = path.getParent()) {
                missing.push(path);
            }
            Files.createDirectories(absolute);
            for (Path created : missing) {
                restrict(created);
            }
            restrict(absolute);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the folder " + folder, e);
        }
    }

    /** Makes a file just written readable by its owner only. */
    public static Path file(Path file) {
        try {
            restrict(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + file + " private", e);
        }
    }

    /**
     * Makes every folder and file below {@code root} its owner's only.
     *
     * @return how many had been readable by others
     */
    public static int tree(Path root) {
        if (!Files.exists(root) || !isPosix()) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (!Files.isSymbolicLink(path) && restrict(path)) {
                    changed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the folder " + root + " private", e);
        }
        return changed;
    }

    /** Whether only its owner may read {@code path} (always so where there are no POSIX permissions). */
    public static boolean isPrivate(Path path) {
        try {
            return !isPosix() || Files.getPosixFilePermissions(path).equals(Files.isDirectory(path) ? FOLDER : FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the permissions of " + path, e);
        }
    }

    private static boolean restrict(Path path) throws IOException {
        if (!isPosix() || !Files.exists(path)) {
            return false;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path) ? FOLDER : FILE;
        if (Files.getPosixFilePermissions(path).equals(wanted)) {
            return false;
        }
        Files.setPosixFilePermissions(path, wanted);
        return true;
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
