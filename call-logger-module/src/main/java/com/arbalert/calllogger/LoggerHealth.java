package com.arbalert.calllogger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logger's figures at one moment.
 *
 * @param queueDepth events in memory, not yet in the database or the journal
 * @param written events committed to the database, directly or by replay
 * @param replayed of those, the ones that came back from the journal
 * @param refused answers the writer left out because their profit broke the stored stakes' bound
 * @param oldestUnwritten roughly how long the oldest event not yet in the database has waited
 * @param folded calls whose derived columns were folded in from facts written after their row
 * @param derivePending calls waiting for that fold: exact at each fold, an upper bound between folds
 */
public record LoggerHealth(int queueDepth, long accepted, long written, long journaled, long replayed, long dropped,
        long retries, long refused, boolean journaling, long journalBacklogBytes, String lastError,
        Duration oldestUnwritten, long folded, long derivePending, Duration databaseFailingFor) {

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queueDepth", queueDepth);
        m.put("accepted", accepted);
        m.put("written", written);
        m.put("journaled", journaled);
        m.put("replayed", replayed);
        m.put("dropped", dropped);
        m.put("retries", retries);
        m.put("refused", refused);
        m.put("journaling", journaling);
        m.put("journalBacklogBytes", journalBacklogBytes);
        m.put("lastError", lastError);
        m.put("oldestUnwrittenMillis", oldestUnwritten.toMillis());
        m.put("folded", folded);
        m.put("derivePending", derivePending);
        m.put("databaseFailingMillis", databaseFailingFor.toMillis());
        return m;
    }
}
