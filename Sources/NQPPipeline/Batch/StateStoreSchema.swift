import GRDB

/// The state store's schema, as GRDB migrations. Never edit a registered migration: add a new one, so stores
/// written by older versions upgrade in place.
enum StateStoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-reports") { db in
            try db.execute(sql: """
                CREATE TABLE reports (
                    path TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    sha256 TEXT NOT NULL CHECK (length(sha256) IN (0, 64)),
                    result_key TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
                    firm TEXT,
                    year INTEGER,
                    stage TEXT,
                    reason TEXT,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    result BLOB,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX reports_status ON reports(status);
                """)
        }
        return migrator
    }
}
