using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Samples.Dynamic
{
    /// <summary>
    /// Sample: <c>mlContext.Data.LoadMnist</c> reads the standard MNIST IDX files. With the real files
    /// (scripts/fetch-mnist.sh puts them in data/mnist) it loads those; otherwise it writes two tiny IDX files.
    /// </summary>
    public static class LoadMnist
    {
        /// <summary>Runs the sample.</summary>
        public static void Example()
        {
            var mlContext = new MLContext(seed: 0);
            (string images, string labels) = Files();
            IDataView data = mlContext.Data.LoadMnist(images, labels);

            Console.WriteLine($"Columns: {string.Join(", ", data.Schema.Select(c => $"{c.Name} ({c.Type})"))}");
            IDataView named = mlContext.Transforms.Conversion.MapKeyToValue("Digit", "Label").Fit(data).Transform(data);
            string[] digits = named.GetColumn<string>("Digit").Take(5).ToArray();
            float[] firstImage = named.GetColumn<float[]>("Features").First();
            Console.WriteLine($"First digits: {string.Join(" ", digits)}");
            Console.WriteLine($"First image: {firstImage.Count(p => p > 0)} of {firstImage.Length} pixels lit, brightest {firstImage.Max():F2}");

            // Expected output with two generated 28 x 28 images (no data/mnist directory):
            //   Columns: Features (Vector<Single, 784>), Label (Key<UInt32, 0-9>)
            //   First digits: 3 7
            //   First image: 28 of 784 pixels lit, brightest 1.00
        }

        /// <summary>The real files if present, else two generated images: a vertical bar (a "7"?) and a diagonal.</summary>
        private static (string Images, string Labels) Files()
        {
            string real = Path.Combine("data", "mnist");
            if (File.Exists(Path.Combine(real, "t10k-images-idx3-ubyte")))
                return (Path.Combine(real, "t10k-images-idx3-ubyte"), Path.Combine(real, "t10k-labels-idx1-ubyte"));

            string directory = Path.Combine(Path.GetTempPath(), "mine-mnist-sample");
            Directory.CreateDirectory(directory);
            var pixels = new byte[2 * 784];
            for (int row = 0; row < 28; row++)
            {
                pixels[row * 28 + 14] = 255;
                pixels[784 + row * 28 + row] = 128;
            }
            string images = Path.Combine(directory, "images-idx3-ubyte"), labels = Path.Combine(directory, "labels-idx1-ubyte");
            File.WriteAllBytes(images, Header(0x803, 2, 28, 28).Concat(pixels).ToArray());
            File.WriteAllBytes(labels, Header(0x801, 2).Concat(new byte[] { 3, 7 }).ToArray());
            return (images, labels);
        }

        /// <summary>An IDX header: the magic number and the dimensions, big-endian.</summary>
        private static byte[] Header(params int[] values) => values.SelectMany(v => BitConverter.GetBytes(v).Reverse()).ToArray();
    }
}
