using System.Linq;
using System.Reflection;

namespace Mine.MLNet.Tests
{
    /// <summary>What the test project's build writes into this assembly (AssemblyMetadata): the repository's root, tool paths.</summary>
    internal static class TestAssemblyMetadata
    {
        /// <summary>The value written under <paramref name="key"/>.</summary>
        public static string Get(string key) => typeof(TestAssemblyMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value;

        /// <summary>The repository's root folder.</summary>
        public static string RepositoryRoot => Get("RepositoryRoot");
    }
}
