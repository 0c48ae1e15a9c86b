namespace Mine.MLNet { internal static class Placeholder { } }
