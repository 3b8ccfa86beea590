import GRDB

/// Migration "v2-stations" (issue 8, the stations summary at 100,000 units).
///
/// The summary adds up every station's services of the year, and the register sorts by them: each read summed the
/// year's logs one by one (140,000 of them in a province). `station_log_month` holds each station's total per
/// month, so a year is at most eleven month rows plus the current month's logs. Triggers on `station_log` keep it
/// right on every write path (ledger, import, undo, the generator, `sqlite3`); `StationMonthTests` checks it
/// against the logs. Log dates are stored as `YYYY-MM-DD` (`Day`), so a month is the date's first seven characters.
enum StationsSchema {
    /// Adds `count` to the month of `date` for `station` (trigger bodies name NEW / OLD in them).
    static func add(_ station: String, _ date: String, _ count: String) -> String {
        """
        INSERT INTO station_log_month(station_id, month, total) VALUES (\(station), substr(\(date), 1, 7), \(count))
          ON CONFLICT(station_id, month) DO UPDATE SET total = total + excluded.total;
        """
    }

    static func subtract(_ station: String, _ date: String, _ count: String) -> String {
        "UPDATE station_log_month SET total = total - \(count) WHERE station_id = \(station) AND month = substr(\(date), 1, 7);"
    }

    static func createV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE station_log_month (
              station_id INTEGER NOT NULL REFERENCES station(id) ON DELETE CASCADE,
              month TEXT NOT NULL,
              total INTEGER NOT NULL,
              PRIMARY KEY (station_id, month)
            ) WITHOUT ROWID;
            INSERT INTO station_log_month(station_id, month, total)
              SELECT station_id, substr(date, 1, 7), SUM(count) FROM station_log GROUP BY station_id, substr(date, 1, 7);
            CREATE TRIGGER station_log_month_insert AFTER INSERT ON station_log
            BEGIN \(add("NEW.station_id", "NEW.date", "NEW.count")) END;
            CREATE TRIGGER station_log_month_delete AFTER DELETE ON station_log
            BEGIN \(subtract("OLD.station_id", "OLD.date", "OLD.count")) END;
            CREATE TRIGGER station_log_month_update AFTER UPDATE OF station_id, date, count ON station_log
            BEGIN \(subtract("OLD.station_id", "OLD.date", "OLD.count")) \(add("NEW.station_id", "NEW.date", "NEW.count")) END;
            """)
        // Every station's total by month, for the summary's services by month.
        try db.create(index: "station_log_month_month", on: "station_log_month", columns: ["month", "total"])
    }
}
