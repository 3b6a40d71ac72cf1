using System.CommandLine;

namespace Search.Cli;

/// <summary>Options shared by several verbs, each declared once with its help text.</summary>
internal static class CommonOptions
{
    public const string DefaultIndexPath = "index-data/index";

    public static Option<string> Index() => new("--index")
    {
        Description = "Index root folder (holds CURRENT and the generation folders)",
        DefaultValueFactory = _ => DefaultIndexPath,
        HelpName = "dir",
    };

    public static Option<string> Config() => new("--config")
    {
        Description = "Ranking configuration: a built-in name (default, stock) or a JSON file path",
        DefaultValueFactory = _ => "default",
        HelpName = "name-or-path",
    };

    /// <summary>The variants file (#18): groups of spellings of one name, searched as one.</summary>
    public static Option<string> Variants() => new("--variants")
    {
        Description = "Variants file: groups of spellings of one name, searched as one (a missing file is no groups)",
        DefaultValueFactory = _ => "index-data/variants.txt",
        HelpName = "path",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write the result as JSON on stdout, for scripts",
    };
}
