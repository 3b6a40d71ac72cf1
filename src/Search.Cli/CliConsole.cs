using Spectre.Console;

namespace Search.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and diagnostics to <see cref="Error"/>.</summary>
/// <remarks>Injected so that tests run commands in-process and read what they print.</remarks>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        Tables = CreateAnsi(output, interactive && !Console.IsOutputRedirected);
        Progress = CreateAnsi(error, interactive && !Console.IsErrorRedirected);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when a person watches a terminal: progress bars instead of periodic lines.</summary>
    public bool Interactive { get; }

    /// <summary>Spectre console over <see cref="Out"/>, for tables.</summary>
    public IAnsiConsole Tables { get; }

    /// <summary>Spectre console over <see cref="Error"/>, for progress.</summary>
    public IAnsiConsole Progress { get; }

    public static CliConsole FromSystem() =>
        new(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);

    private static IAnsiConsole CreateAnsi(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Pipes and files get wide, stable tables rather than the 80-column default.
            console.Profile.Width = 200;
        }

        return console;
    }
}
