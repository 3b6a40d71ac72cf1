using System.Text;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

public sealed class IndexLayoutTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "index-layout-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void HasNoCurrentGenerationWhenTheRootDoesNotExist()
    {
        var layout = new IndexLayout(_root);

        var current = layout.TryGetCurrent();

        Assert.Null(current);
        Assert.Empty(layout.ListGenerations());
    }

    [Fact]
    public void HasNoCurrentGenerationBeforeTheFirstSwitch()
    {
        var layout = new IndexLayout(_root);
        layout.CreateGeneration();

        var current = layout.TryGetCurrent();

        Assert.Null(current);
    }

    [Fact]
    public void NumbersNewGenerationsFromOne()
    {
        var layout = new IndexLayout(_root);

        var first = layout.CreateGeneration();
        var second = layout.CreateGeneration();

        Assert.Equal(Path.Combine(layout.Root, "gen-000001"), first);
        Assert.Equal(Path.Combine(layout.Root, "gen-000002"), second);
        Assert.True(Directory.Exists(first));
        Assert.True(Directory.Exists(second));
    }

    [Fact]
    public void NumbersANewGenerationAfterTheHighestAndIgnoresOtherFolders()
    {
        Directory.CreateDirectory(Path.Combine(_root, "gen-000007"));
        Directory.CreateDirectory(Path.Combine(_root, "gen-000003"));
        Directory.CreateDirectory(Path.Combine(_root, "gen-latest"));
        Directory.CreateDirectory(Path.Combine(_root, "backup"));
        var layout = new IndexLayout(_root);

        var next = layout.CreateGeneration();

        Assert.Equal(Path.Combine(layout.Root, "gen-000008"), next);
    }

    [Fact]
    public void ListsGenerationsOldestFirstByNumber()
    {
        Directory.CreateDirectory(Path.Combine(_root, "gen-000010"));
        Directory.CreateDirectory(Path.Combine(_root, "gen-000002"));
        Directory.CreateDirectory(Path.Combine(_root, "gen-x"));
        var layout = new IndexLayout(_root);

        var generations = layout.ListGenerations();

        Assert.Equal(["gen-000002", "gen-000010"], generations.Select(Path.GetFileName));
    }

    [Fact]
    public void SwitchWritesCurrentAndTryGetCurrentReturnsIt()
    {
        var layout = new IndexLayout(_root);
        var generation = layout.CreateGeneration();

        layout.Switch(generation);

        Assert.Equal(generation, layout.TryGetCurrent());
        Assert.Equal("gen-000001\n", File.ReadAllText(Path.Combine(_root, IndexLayout.PointerFileName), Encoding.UTF8));
        Assert.Equal([IndexLayout.PointerFileName], Directory.GetFiles(_root).Select(Path.GetFileName)); // no temp file left
    }

    [Fact]
    public void SwitchReplacesThePreviousCurrent()
    {
        var layout = new IndexLayout(_root);
        var old = layout.CreateGeneration();
        layout.Switch(old);
        var fresh = layout.CreateGeneration();

        layout.Switch(fresh + Path.DirectorySeparatorChar);

        Assert.Equal(fresh, layout.TryGetCurrent());
    }

    [Fact]
    public void SwitchRefusesAFolderThatIsNotAGeneration()
    {
        var layout = new IndexLayout(_root);
        var other = Path.Combine(_root, "backup");
        Directory.CreateDirectory(other);

        Assert.Throws<ArgumentException>(() => layout.Switch(other));
        Assert.Null(layout.TryGetCurrent());
    }

    [Fact]
    public void SwitchRefusesAGenerationThatDoesNotExist()
    {
        var layout = new IndexLayout(_root);
        layout.CreateGeneration();

        Assert.Throws<ArgumentException>(() => layout.Switch(Path.Combine(_root, "gen-000009")));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("gen-")]
    [InlineData("../gen-000001")]
    [InlineData("")]
    public void TryGetCurrentRejectsAPointerThatNamesNoGeneration(string content)
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, IndexLayout.PointerFileName), content);
        var layout = new IndexLayout(_root);

        Assert.Throws<InvalidDataException>(() => layout.TryGetCurrent());
    }
}
