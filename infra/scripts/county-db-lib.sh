# Shared by county-backup.sh and county-restore.sh (sourced, not run).
# Connection from the environment: DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER (root), DB_PASSWORD (none), or
# DB_DEFAULTS_FILE, an option file of the mariadb client ([client] user=… password=…) that is used as it is.
# The password goes to a private option file, never to the command line (where ps would show it).

county_db_connect() {
  if [ -n "${DB_DEFAULTS_FILE:-}" ]; then
    DB_OPTS_FILE=$DB_DEFAULTS_FILE
  else
    DB_OPTS_FILE=$(mktemp)
    chmod 600 "$DB_OPTS_FILE"
    {
      echo "[client]"
      echo "host=${DB_HOST:-127.0.0.1}"
      echo "port=${DB_PORT:-3306}"
      echo "user=${DB_USER:-root}"
      if [ -n "${DB_PASSWORD:-}" ]; then echo "password=${DB_PASSWORD}"; fi
    } >"$DB_OPTS_FILE"
    DB_OPTS_OWNED=1
  fi
}

county_db_disconnect() {
  if [ "${DB_OPTS_OWNED:-0}" = 1 ]; then rm -f "$DB_OPTS_FILE"; fi
}

# mariadb client with the connection, batch mode, no column names; utf8mb4 so Chinese text survives.
sql() { mariadb --defaults-extra-file="$DB_OPTS_FILE" --default-character-set=utf8mb4 -N -B "$@"; }

# A database name as the app makes them: letters, digits and underscores only (so it is safe inside SQL quotes).
county_db_valid_name() { [[ "$1" =~ ^[A-Za-z0-9_]{1,64}$ ]]; }

county_db_exists() {
  [ "$(sql -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$1'")" = 1 ]
}

# Prints one line per base table: "table<TAB>rows<TAB>bit_xor<TAB>sum", all tables read in one consistent snapshot.
# Each row's hash is CRC32 over every column as its exact bytes (CAST … AS BINARY) joined by 0x1F, preceded by the
# row's NULL mask (so NULL and '' differ); the table's figures are the row count, the XOR and the sum of the hashes
# (the sum catches what XOR cancels). Timestamps are read in UTC, so the session's time zone cannot change them.
# The same on any MariaDB/MySQL server: nothing depends on the storage format (unlike CHECKSUM TABLE).
county_db_checksums() {
  local db=$1 statements
  statements=$(sql -e "SET SESSION group_concat_max_len = 16777216;
    SELECT CONCAT('SELECT ', QUOTE(t.table_name), ', COUNT(*), COALESCE(BIT_XOR(h), 0), COALESCE(SUM(h), 0) FROM (SELECT CRC32(CONCAT_WS(0x1F, CONCAT(',
        GROUP_CONCAT(CONCAT('ISNULL(\`', REPLACE(c.column_name, '\`', '\`\`'), '\`)') ORDER BY c.ordinal_position SEPARATOR ', '), '), ',
        GROUP_CONCAT(CONCAT('CAST(\`', REPLACE(c.column_name, '\`', '\`\`'), '\` AS BINARY)') ORDER BY c.ordinal_position SEPARATOR ', '),
        ')) AS h FROM \`', t.table_schema, '\`.\`', REPLACE(t.table_name, '\`', '\`\`'), '\`) x;')
    FROM information_schema.tables t JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
    WHERE t.table_schema = '$db' AND t.table_type = 'BASE TABLE'
    GROUP BY t.table_schema, t.table_name ORDER BY t.table_name") || return 1
  {
    echo "SET time_zone = '+00:00';"
    echo "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ;"
    echo "START TRANSACTION WITH CONSISTENT SNAPSHOT;"
    printf '%s\n' "$statements"
    echo "COMMIT;"
  } | sql
}
