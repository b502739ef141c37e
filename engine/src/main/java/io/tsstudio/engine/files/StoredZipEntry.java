package io.tsstudio.engine.files;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an uncompressed ("stored") zip entry: PyTorch writes every record of a TorchScript archive that way, and the
 * archives this code base writes or rewrites (checks, operator rewriting, compiled classes) keep to it.
 */
public final class StoredZipEntry {
    private StoredZipEntry() {
    }

    /** Adds {@code name} holding {@code data}, uncompressed, with its size and CRC set up front as STORED requires. */
    public static void write(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
