namespace Search.Web.Tests.Support;

/// <summary>Paths of the repository the tests run from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Search.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder holding Search.sln.</summary>
    public static string Root => RootPath.Value;
}
