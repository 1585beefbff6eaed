package com.arbalert.calllogger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derived columns of calls whose row is written in the same batch as their clicks, answers and
 * delivery count, computed from that batch by the rules of {@link DerivedColumns} so the row is
 * inserted complete instead of inserted and then updated in the same transaction. Times are cut
 * to the milliseconds the columns keep, so ties are decided as the database would decide them.
 */
final class BatchDerivation {
    private final Map<Long, Set<Long>> clickers = new HashMap<>();
    private final Map<Long, Map<Long, Answer>> answers = new HashMap<>();
    private final Map<Long, Integer> delivered = new HashMap<>();

    /** What a call's row gets at insert: the record's users_notified unless the batch has a delivery count. */
    record Derived(int usersNotified, int usersClicked, String outcome, BigDecimal profitActual) {
    }

    private record Answer(String outcome, BigDecimal profit, Instant at) {
    }

    /** Feeds the batch's facts in acceptance order (a later answer or delivery count replaces an earlier one). */
    BatchDerivation(List<CallEvent.Clicked> clicks, List<CallEvent.Reported> results,
            List<CallEvent.Delivered> deliveries) {
        for (CallEvent.Clicked k : clicks) {
            clickers.computeIfAbsent(k.callId(), id -> new HashSet<>()).add(k.userId());
        }
        for (CallEvent.Reported r : results) {
            Map<Long, Answer> byUser = answers.computeIfAbsent(r.callId(), id -> new HashMap<>());
            Instant at = r.at().truncatedTo(ChronoUnit.MILLIS);
            Answer old = byUser.get(r.userId());
            // as the upsert on call_results: a later or equally timed answer replaces, the time only grows
            if (old == null || !at.isBefore(old.at())) {
                byUser.put(r.userId(), new Answer(r.outcome().code(), r.profit().setScale(2, RoundingMode.HALF_UP), at));
            }
        }
        for (CallEvent.Delivered d : deliveries) {
            delivered.put(d.callId(), d.delivered());
        }
    }

    Derived of(CallEvent.Logged call) {
        long id = call.callId();
        int notified = delivered.getOrDefault(id, call.call().usersNotified());
        int clicked = clickers.getOrDefault(id, Set.of()).size();
        Map<Long, Answer> byUser = answers.get(id);
        if (byUser == null || byUser.isEmpty()) {
            return new Derived(notified, clicked, null, null);
        }
        // most reported outcome; a tie goes to the one reported first, then to the lower code
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Instant> first = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Answer a : byUser.values()) {
            counts.merge(a.outcome(), 1, Integer::sum);
            first.merge(a.outcome(), a.at(), (x, y) -> x.isBefore(y) ? x : y);
            total = total.add(a.profit());
        }
        String best = null;
        for (String o : counts.keySet()) {
            if (best == null || beats(o, best, counts, first)) {
                best = o;
            }
        }
        return new Derived(notified, clicked, best, total);
    }

    private static boolean beats(String o, String best, Map<String, Integer> counts, Map<String, Instant> first) {
        int byCount = Integer.compare(counts.get(o), counts.get(best));
        if (byCount != 0) {
            return byCount > 0;
        }
        int byTime = first.get(o).compareTo(first.get(best));
        return byTime != 0 ? byTime < 0 : o.compareTo(best) < 0;
    }
}
