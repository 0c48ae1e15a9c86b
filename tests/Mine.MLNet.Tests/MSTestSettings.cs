using Microsoft.VisualStudio.TestTools.UnitTesting;

// Tests train networks on 2 cores: running them one at a time keeps timings and memory predictable.
[assembly: DoNotParallelize]
