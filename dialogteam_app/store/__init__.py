"""SQLite storage: schema, migrations, repositories. Never imports Qt."""
