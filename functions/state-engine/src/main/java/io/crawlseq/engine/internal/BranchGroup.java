package io.crawlseq.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the iterations of a Map or the branches of a Parallel: on the calling thread when at most one
 * may run at a time, else on virtual threads, never more than the limit at once. The first failure
 * cancels the others and is rethrown once all have stopped; each piece of work gets its own lane of
 * events and a cancellation shared by the group.
 */
final class BranchGroup {

    /** One Map iteration or Parallel branch. */
    @FunctionalInterface
    interface Work {
        void run(int index, Lane lane, Cancellation cancellation);
    }

    private BranchGroup() {
    }

    static void run(int count, int limit, Work work, Lane parentLane, Cancellation parent) {
        List<Lane> lanes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lanes.add(parentLane.fork());
        }
        try (Cancellation group = parent.child()) {
            if (limit <= 1 || count <= 1) {
                runInOrder(count, work, lanes, parentLane, group);
            } else {
                runConcurrently(count, limit, work, lanes, parentLane, group);
            }
            if (parent.isCancelled()) {
                throw new ExecutionInterrupted(parent.reason());
            }
        }
    }

    private static void runInOrder(int count, Work work, List<Lane> lanes, Lane parentLane, Cancellation group) {
        for (int i = 0; i < count; i++) {
            if (group.isCancelled()) {
                throw new ExecutionInterrupted(group.reason());
            }
            work.run(i, lanes.get(i), group);
            parentLane.join(lanes.get(i).last());
        }
    }

    private static void runConcurrently(int count, int limit, Work work, List<Lane> lanes, Lane parentLane,
                                        Cancellation group) {
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        Semaphore permits = new Semaphore(limit);
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(Thread.ofVirtual().name("branch " + index).start(() -> {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (!group.isCancelled()) {
                        work.run(index, lanes.get(index), group);
                    }
                } catch (ExecutionInterrupted e) {
                    // Stopped because a sibling failed: that sibling's error is the one to report.
                    if (e.reason() != Cancellation.Reason.SIBLING_FAILED) {
                        firstFailure.compareAndSet(null, e);
                    }
                } catch (RuntimeException e) {
                    if (firstFailure.compareAndSet(null, e)) {
                        group.cancel(Cancellation.Reason.SIBLING_FAILED);
                    }
                } finally {
                    permits.release();
                }
            }));
        }
        threads.forEach(BranchGroup::joinUninterruptibly);
        lanes.forEach(lane -> parentLane.join(lane.last()));
        RuntimeException failure = firstFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
