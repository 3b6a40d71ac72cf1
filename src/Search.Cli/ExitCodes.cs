namespace Search.Cli;

/// <summary>Process exit codes, documented in README.md.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went as asked.</summary>
    public const int Ok = 0;

    /// <summary>Bad records were reported and skipped (the good ones were indexed), or ids to delete were absent.</summary>
    public const int Skipped = 1;

    /// <summary>The command line was wrong: unknown verb or option, missing argument, bad value.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The index could not be read or written: missing, locked, another schema version, I/O failure; for <c>follow</c>
    /// also a primary that cannot be reached, refuses the key or sends a commit that fails its checks.
    /// </summary>
    public const int IndexFailure = 3;

    /// <summary>More records were bad than <c>--max-errors</c> allows: reading stopped, what was good is committed.</summary>
    public const int TooManyErrors = 4;

    /// <summary>Interrupted (Ctrl+C): what was indexed before the interruption is committed.</summary>
    public const int Cancelled = 130;
}
