package io.tsstudio.engine.internal.torch;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The calls in flight on one native owner, so that native memory is never freed under a running call.
 * <ul>
 *   <li>{@link #enter()} opens a shared use (a call, a read); after {@link #close} it throws
 *       {@link IllegalStateException} naming the object.</li>
 *   <li>{@link #enterExclusive()} opens a use that no other use overlaps (changing a module's methods while a call
 *       runs one of them would free the code under it).</li>
 *   <li>{@link #close} refuses new uses at once; the native free runs when the last use in flight ends (on that
 *       use's thread), so closing never blocks, not even from inside a use, and never frees under a call.</li>
 * </ul>
 */
public final class NativeLifetime {
    /** An open use; closing it ends the use. */
    public interface Use extends AutoCloseable {
        @Override
        void close();
    }

    private final Supplier<String> name;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Use shared = this::exitShared;
    private final Use exclusive = this::exitExclusive;
    private int inFlight;
    private boolean closed;
    private boolean freed;
    private Runnable free;

    /** {@code name} says what the owner is in the "closed" error ("module __torch__.Net"). */
    NativeLifetime(Supplier<String> name) {
        this.name = name;
    }

    Use enter() {
        begin();
        lock.readLock().lock();
        return shared;
    }

    Use enterExclusive() {
        begin();
        lock.writeLock().lock();
        return exclusive;
    }

    /** Throws the "closed" error when closed; for accessors that hand out nothing native. */
    void requireOpen() {
        synchronized (this) {
            if (closed) throw closedError();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** True once the native free has run. */
    synchronized boolean isFreed() {
        return freed;
    }

    /** Refuses new uses and runs {@code free} once no use is in flight (now, or when the last one ends). */
    void close(Runnable free) {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (inFlight > 0) {
                this.free = free;
                return;
            }
            freed = true;
        }
        free.run();
    }

    IllegalStateException closedError() {
        return new IllegalStateException(name.get() + " is closed");
    }

    private synchronized void begin() {
        if (closed) throw closedError();
        inFlight++;
    }

    private void exitShared() {
        lock.readLock().unlock();
        end();
    }

    private void exitExclusive() {
        lock.writeLock().unlock();
        end();
    }

    private void end() {
        Runnable f = null;
        synchronized (this) {
            if (--inFlight == 0 && closed && !freed) {
                freed = true;
                f = free;
                free = null;
            }
        }
        if (f != null) f.run();
    }
}
