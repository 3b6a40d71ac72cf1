namespace Search.Evaluation.Reports;

/// <summary>How <see cref="ReportWriter"/> writes an <see cref="EvaluationReport"/>.</summary>
public enum ReportFormat
{
    /// <summary>Aligned plain-text columns, for a terminal.</summary>
    Table,

    /// <summary>One JSON document, for scripts.</summary>
    Json,

    /// <summary>Comma-separated rows with a header, for spreadsheets.</summary>
    Csv,

    /// <summary>GitHub-flavoured Markdown tables, for READMEs and reviews.</summary>
    Markdown,
}
