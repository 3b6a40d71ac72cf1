using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Evaluation.Qrels;
using Search.Evaluation.Topics;

namespace Search.Api.Judging;

/// <summary>
/// The workbench's only writable data (#5): graded judgments and uploaded query sets, in one SQLite file. Plain data:
/// nothing here knows the index. Thread-safe; every call opens a pooled connection and closes it.
/// </summary>
/// <remarks>
/// Schema version 1 (<c>PRAGMA user_version</c>), created on first use: <c>query_sets(name, created)</c>,
/// <c>queries(set_name, query_id, text, position)</c> and <c>judgments(query_id, doc_id, grade 0..3, query_text,
/// updated_at)</c> keyed by (query_id, doc_id), so a query id means the same query in every set. WAL journal: readers
/// never wait for a writer, and a crash loses no committed judgment. A file of a newer schema is refused.
/// </remarks>
public sealed class JudgmentStore
{
    /// <summary>The schema this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE query_sets (
            name    TEXT NOT NULL PRIMARY KEY,
            created TEXT NOT NULL
        );
        CREATE TABLE queries (
            set_name TEXT NOT NULL REFERENCES query_sets(name) ON DELETE CASCADE,
            query_id TEXT NOT NULL,
            text     TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (set_name, query_id)
        );
        CREATE TABLE judgments (
            query_id   TEXT NOT NULL,
            doc_id     TEXT NOT NULL,
            grade      INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 3),
            query_text TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (query_id, doc_id)
        );
        """;

    private const string UpsertSql = """
        INSERT INTO judgments (query_id, doc_id, grade, query_text, updated_at) VALUES ($query, $doc, $grade, $text, $at)
        ON CONFLICT (query_id, doc_id) DO UPDATE SET
            grade = excluded.grade,
            query_text = COALESCE(excluded.query_text, judgments.query_text),
            updated_at = excluded.updated_at
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly System.Threading.Lock _schemaLock = new();
    private volatile bool _ready;

    /// <summary>A store on the file <paramref name="path"/> (created with its folder on first use).</summary>
    public JudgmentStore(string path, TimeProvider? clock = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _clock = clock ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path { get; }

    /// <summary>The uploaded query sets, by name (ordinal).</summary>
    public IReadOnlyList<UploadedQuerySet> ListQuerySets() => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.name, s.created, COUNT(q.query_id) FROM query_sets s LEFT JOIN queries q ON q.set_name = s.name
            GROUP BY s.name ORDER BY s.name
            """;
        using var reader = command.ExecuteReader();
        var sets = new List<UploadedQuerySet>();
        while (reader.Read())
        {
            sets.Add(new UploadedQuerySet(reader.GetString(0), ParseTime(reader.GetString(1)), reader.GetInt32(2)));
        }

        return (IReadOnlyList<UploadedQuerySet>)sets;
    });

    /// <summary>The queries of the uploaded set <paramref name="name"/> in upload order, or null when there is none.</summary>
    public IReadOnlyList<Topic>? GetQuerySet(string name) => Execute(connection =>
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM query_sets WHERE name = $name";
        exists.Parameters.AddWithValue("$name", name);
        if (exists.ExecuteScalar() is null)
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT query_id, text FROM queries WHERE set_name = $name ORDER BY position";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        var topics = new List<Topic>();
        while (reader.Read())
        {
            topics.Add(new Topic(reader.GetString(0), reader.GetString(1)));
        }

        return (IReadOnlyList<Topic>?)topics;
    });

    /// <summary>Creates or replaces the uploaded set <paramref name="name"/> (one transaction); its first upload time is kept.</summary>
    public void SaveQuerySet(string name, IReadOnlyList<Topic> topics) => Execute(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using (var set = connection.CreateCommand())
        {
            set.CommandText = """
                INSERT INTO query_sets (name, created) VALUES ($name, $at) ON CONFLICT (name) DO NOTHING;
                DELETE FROM queries WHERE set_name = $name;
                """;
            set.Parameters.AddWithValue("$name", name);
            set.Parameters.AddWithValue("$at", Now());
            set.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO queries (set_name, query_id, text, position) VALUES ($name, $id, $text, $position)";
        insert.Parameters.AddWithValue("$name", name);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        for (var i = 0; i < topics.Count; i++)
        {
            id.Value = topics[i].Id;
            text.Value = topics[i].Text;
            position.Value = i;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return 0;
    });

    /// <summary>Removes the uploaded set <paramref name="name"/> and its queries (one transaction); false when there is none. Judgments stay: they belong to query ids, not sets.</summary>
    public bool DeleteQuerySet(string name) => Execute(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM queries WHERE set_name = $name;
            DELETE FROM query_sets WHERE name = $name;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.ExecuteNonQuery();
        using var changes = connection.CreateCommand();
        changes.CommandText = "SELECT changes()";
        var removed = Convert.ToInt64(changes.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        transaction.Commit();
        return removed;
    });

    /// <summary>
    /// Sets the grade of a document for a query, replacing an earlier one; returns what was stored. A null
    /// <paramref name="queryText"/> keeps the text already stored.
    /// </summary>
    public Judgment Upsert(string queryId, string docId, int grade, string? queryText) => Execute(connection =>
    {
        CheckGrade(grade);
        var at = Now();
        using var command = connection.CreateCommand();
        command.CommandText = UpsertSql;
        Bind(command, queryId, docId, grade, queryText, at);
        command.ExecuteNonQuery();
        return new Judgment(queryId, docId, grade, queryText, ParseTime(at));
    });

    /// <summary>Removes one judgment; false when there was none.</summary>
    public bool Delete(string queryId, string docId) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM judgments WHERE query_id = $query AND doc_id = $doc";
        command.Parameters.AddWithValue("$query", queryId);
        command.Parameters.AddWithValue("$doc", docId);
        return command.ExecuteNonQuery() > 0;
    });

    /// <summary>The judgments of one query, by document id.</summary>
    public IReadOnlyList<Judgment> ForQuery(string queryId) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT query_id, doc_id, grade, query_text, updated_at FROM judgments WHERE query_id = $query";
        command.Parameters.AddWithValue("$query", queryId);
        return ReadJudgments(command);
    });

    /// <summary>Every judgment, by query id then document id (ordinal).</summary>
    public IReadOnlyList<Judgment> All() => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT query_id, doc_id, grade, query_text, updated_at FROM judgments";
        return ReadJudgments(command);
    });

    /// <summary>How many documents are judged for each judged query.</summary>
    public IReadOnlyDictionary<string, int> JudgedCounts() => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT query_id, COUNT(*) FROM judgments GROUP BY query_id";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return (IReadOnlyDictionary<string, int>)counts;
    });

    /// <summary>The most recently judged text of a query, or null when it was only imported (or never judged).</summary>
    public string? QueryText(string queryId) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT query_text FROM judgments WHERE query_id = $query AND query_text IS NOT NULL
            ORDER BY updated_at DESC, doc_id LIMIT 1
            """;
        command.Parameters.AddWithValue("$query", queryId);
        return command.ExecuteScalar() as string;
    });

    /// <summary>Upserts every judgment of <paramref name="qrels"/> in one transaction (all or none); returns how many.</summary>
    /// <remarks>Imported judgments carry no query text; a text already stored for the pair is kept.</remarks>
    public int Import(IEnumerable<Qrel> qrels) => Execute(connection =>
    {
        var at = Now();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = UpsertSql;
        var count = 0;
        foreach (var qrel in qrels)
        {
            CheckGrade(qrel.Grade);
            command.Parameters.Clear();
            Bind(command, qrel.QueryId, qrel.DocId, qrel.Grade, null, at);
            command.ExecuteNonQuery();
            count++;
        }

        transaction.Commit();
        return count;
    });

    private static void CheckGrade(int grade)
    {
        if (JudgingRules.GradeProblem(grade) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "grade " + problem);
        }
    }

    private static void Bind(SqliteCommand command, string queryId, string docId, int grade, string? queryText, string at)
    {
        command.Parameters.AddWithValue("$query", queryId);
        command.Parameters.AddWithValue("$doc", docId);
        command.Parameters.AddWithValue("$grade", grade);
        command.Parameters.AddWithValue("$text", (object?)queryText ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", at);
    }

    private static List<Judgment> ReadJudgments(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var judgments = new List<Judgment>();
        while (reader.Read())
        {
            judgments.Add(new Judgment(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                ParseTime(reader.GetString(4))));
        }

        // Ordinal (UTF-16) order, as QrelSet and the rest of the evaluation code sort; SQLite's is by UTF-8 bytes.
        judgments.Sort((a, b) =>
        {
            var byQuery = string.CompareOrdinal(a.QueryId, b.QueryId);
            return byQuery != 0 ? byQuery : string.CompareOrdinal(a.DocId, b.DocId);
        });
        return judgments;
    }

    private string Now() => _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private T Execute<T>(Func<SqliteConnection, T> action)
    {
        try
        {
            EnsureSchema();
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            return action(connection);
        }
        catch (SqliteException e)
        {
            throw new JudgmentStoreException($"The judgment store {Path} failed: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JudgmentStoreException($"The judgment store {Path} cannot be opened: {e.Message}", e);
        }
    }

    private void EnsureSchema()
    {
        if (_ready)
        {
            return;
        }

        lock (_schemaLock)
        {
            if (_ready)
            {
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();

            // WAL is a property of the file: set once, kept by every later connection.
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction();
            using var version = connection.CreateCommand();
            version.CommandText = "PRAGMA user_version";
            var found = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (found > SchemaVersion)
            {
                throw new JudgmentStoreException(
                    $"The judgment store {Path} has schema version {found}; this build reads version {SchemaVersion}. Use a newer build or another file.");
            }

            if (found == 0)
            {
                using var create = connection.CreateCommand();
                create.CommandText = Schema + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {SchemaVersion};");
                create.ExecuteNonQuery();
            }

            transaction.Commit();
            _ready = true;
        }
    }
}
