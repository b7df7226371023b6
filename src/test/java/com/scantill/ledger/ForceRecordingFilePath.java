package com.scantill.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's disk, with every {@code FileChannel.force} (an {@code fsync}) written down with its time: a test can see that
 * a commit reached stable storage before a request left. Used as {@code jdbc:h2:forcerec:…}.
 */
public final class ForceRecordingFilePath extends FilePathWrapper {

    /** When each force of the ledger's files happened, in order. */
    public static final List<Instant> FORCES = new CopyOnWriteArrayList<>();

    @Override
    public String getScheme() {
        return "forcerec";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Recording(getBase().open(mode));
    }

    private static final class Recording extends FileBase {
        private final FileChannel disk;

        Recording(FileChannel disk) {
            this.disk = disk;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            disk.force(metaData);
            FORCES.add(Instant.now());
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return disk.read(destination);
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return disk.read(destination, position);
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return disk.write(source);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            return disk.write(source, position);
        }

        @Override
        public long position() throws IOException {
            return disk.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            disk.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return disk.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            disk.truncate(size);
            return this;
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return disk.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close();
        }
    }
}
