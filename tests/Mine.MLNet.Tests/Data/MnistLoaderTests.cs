using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mine.MLNet.Tests.Data
{
    /// <summary>LoadMnist reads IDX files the test writes: values, key labels, and clear errors for bad files.</summary>
    [TestClass]
    [TestCategory("Unit")]
    public sealed class MnistLoaderTests
    {
        private static string directory;

        [ClassInitialize]
        public static void CreateDirectory(TestContext _)
        {
            directory = Path.Combine(Path.GetTempPath(), $"mine-mnist-{Environment.ProcessId}");
            Directory.CreateDirectory(directory);
        }

        [ClassCleanup]
        public static void Delete() => Directory.Delete(directory, recursive: true);

        /// <summary>An IDX file: magic, big-endian dimensions, then the bytes.</summary>
        private static string Write(string name, int magic, int[] dims, byte[] data)
        {
            string path = Path.Combine(directory, name);
            using var stream = File.Create(path);
            foreach (int value in new[] { magic }.Concat(dims))
                stream.Write(BitConverter.GetBytes(value).Reverse().ToArray());
            stream.Write(data);
            return path;
        }

        private static byte[] Pixels(int images, int width) => Enumerable.Range(0, images * width).Select(i => (byte)(i * 7 % 256)).ToArray();

        [TestMethod]
        public void ReadsPixelsScaledAndDigitsAsKeys()
        {
            byte[] pixels = Pixels(4, 6);
            string images = Write("ok-images", 0x803, new[] { 4, 2, 3 }, pixels);
            string labels = Write("ok-labels", 0x801, new[] { 4 }, new byte[] { 7, 0, 9, 3 });
            IDataView view = new MLContext(seed: 0).Data.LoadMnist(images, labels);

            Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 6), view.Schema["Features"].Type);
            var slotNames = new VBuffer<ReadOnlyMemory<char>>();
            view.Schema["Features"].GetSlotNames(ref slotNames);
            CollectionAssert.AreEqual(new[] { "r0c0", "r0c1", "r0c2", "r1c0", "r1c1", "r1c2" }, slotNames.DenseValues().Select(v => v.ToString()).ToArray());
            Assert.AreEqual(new KeyDataViewType(typeof(uint), 10), view.Schema["Label"].Type);
            var keyValues = new VBuffer<ReadOnlyMemory<char>>();
            view.Schema["Label"].GetKeyValues(ref keyValues);
            CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray(), keyValues.DenseValues().Select(v => v.ToString()).ToArray());

            CollectionAssert.AreEqual(new uint[] { 8, 1, 10, 4 }, view.GetColumn<uint>("Label").ToArray());
            float[][] features = view.GetColumn<float[]>("Features").ToArray();
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 6; j++)
                    Assert.AreEqual(pixels[i * 6 + j] / 255f, features[i][j]);

            IDataView names = new MLContext().Transforms.Conversion.MapKeyToValue("Digit", "Label").Fit(view).Transform(view);
            CollectionAssert.AreEqual(new[] { "7", "0", "9", "3" }, names.GetColumn<string>("Digit").ToArray());
        }

        [TestMethod]
        public void DifferentCountsAreRefused()
        {
            string images = Write("count-images", 0x803, new[] { 3, 2, 2 }, Pixels(3, 4));
            string labels = Write("count-labels", 0x801, new[] { 2 }, new byte[] { 1, 2 });
            var e = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext().Data.LoadMnist(images, labels));
            StringAssert.Contains(e.Message, "3 images");
            StringAssert.Contains(e.Message, "2 labels");
        }

        [TestMethod]
        public void SwappedFilesAreRefusedByTheirMagicNumber()
        {
            string images = Write("swap-images", 0x803, new[] { 1, 1, 1 }, new byte[] { 5 });
            string labels = Write("swap-labels", 0x801, new[] { 1 }, new byte[] { 5 });
            var e = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext().Data.LoadMnist(labels, images));
            StringAssert.Contains(e.Message, "not an IDX images file");
        }

        [TestMethod]
        public void ATruncatedFileIsRefused()
        {
            string images = Write("short-images", 0x803, new[] { 5, 2, 2 }, Pixels(2, 4));
            string labels = Write("short-labels", 0x801, new[] { 5 }, new byte[5]);
            Assert.ThrowsExactly<InvalidDataException>(() => new MLContext().Data.LoadMnist(images, labels));
        }

        [TestMethod]
        public void AMissingFileSaysHowToGetIt()
        {
            var e = Assert.ThrowsExactly<FileNotFoundException>(() => new MLContext().Data.LoadMnist(Path.Combine(directory, "nope"), Path.Combine(directory, "nope2")));
            StringAssert.Contains(e.Message, "fetch-mnist");
        }
    }
}
