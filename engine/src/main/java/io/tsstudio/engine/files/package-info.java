/**
 * Writing files the way every layer must: {@link io.tsstudio.engine.files.AtomicWrite} (the one way to replace a
 * file that a user or another process may be reading, keeping its permissions) and
 * {@link io.tsstudio.engine.files.StoredZipEntry} (uncompressed zip records, as PyTorch writes archives). Depends on
 * nothing else of the code base; engine, ui and app packages may all use it.
 */
package io.tsstudio.engine.files;
