using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mine.MLNet.Data
{
    /// <summary>
    /// Reads the MNIST IDX files (LeCun et al.): an images file (magic 0x00000803: count, rows, columns, then
    /// unsigned bytes) and a labels file (magic 0x00000801: count, then one byte per image), all integers
    /// big-endian. Rows stream from disk on every pass, so memory stays bounded.
    /// </summary>
    internal sealed class MnistIdxReader
    {
        private const int ImagesMagic = 0x00000803;
        private const int LabelsMagic = 0x00000801;

        /// <summary>The digits 0 to 9.</summary>
        private const int Classes = 10;

        /// <summary>ML.NET's annotation kind for the values of a key type.</summary>
        private const string AnnotationUtilsKeyValues = "KeyValues";

        /// <summary>ML.NET's annotation kind for the names of a vector's slots.</summary>
        private const string AnnotationUtilsSlotNames = "SlotNames";

        private readonly string imagesPath;
        private readonly string labelsPath;

        public MnistIdxReader(string imagesPath, string labelsPath)
        {
            this.imagesPath = imagesPath;
            this.labelsPath = labelsPath;
            using BinaryReader images = Open(imagesPath, ImagesMagic, "images");
            using BinaryReader labels = Open(labelsPath, LabelsMagic, "labels");
            Count = ReadInt(images);
            ImageRows = ReadInt(images);
            ImageColumns = ReadInt(images);
            Width = checked(ImageRows * ImageColumns);
            int labelCount = ReadInt(labels);
            if (labelCount != Count)
                throw new InvalidDataException($"The images file '{imagesPath}' holds {Count} images but the labels file '{labelsPath}' holds {labelCount} labels.");
            if (new FileInfo(imagesPath).Length < 16 + (long)Count * Width || new FileInfo(labelsPath).Length < 8 + Count)
                throw new InvalidDataException($"'{imagesPath}' or '{labelsPath}' is shorter than its header announces.");
        }

        public int Count { get; }

        /// <summary>Pixel rows per image (28 for MNIST).</summary>
        public int ImageRows { get; }

        /// <summary>Pixel columns per image (28 for MNIST).</summary>
        public int ImageColumns { get; }

        /// <summary>Pixels per image (rows * columns, 784 for MNIST).</summary>
        public int Width { get; }

        /// <summary>
        /// A view with Features (Width pixels scaled to [0, 1], row by row, slots named "r{row}c{column}" from 0) and
        /// Label (key 1..10 with KeyValues "0".."9").
        /// </summary>
        public IDataView Load(MLContext context)
        {
            SchemaDefinition definition = SchemaDefinition.Create(typeof(MnistImage));
            SchemaDefinition.Column features = definition[nameof(MnistImage.Features)];
            features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width);
            var pixelNames = new VBuffer<ReadOnlyMemory<char>>(Width,
                Enumerable.Range(0, Width).Select(p => $"r{p / ImageColumns}c{p % ImageColumns}".AsMemory()).ToArray());
            features.AddAnnotation(AnnotationUtilsSlotNames, pixelNames, new VectorDataViewType(TextDataViewType.Instance, Width));
            SchemaDefinition.Column label = definition[nameof(MnistImage.Label)];
            label.ColumnType = new KeyDataViewType(typeof(uint), Classes);
            var digits = new VBuffer<ReadOnlyMemory<char>>(Classes, Enumerable.Range(0, Classes).Select(d => d.ToString().AsMemory()).ToArray());
            label.AddAnnotation(AnnotationUtilsKeyValues, digits, new VectorDataViewType(TextDataViewType.Instance, Classes));
            return context.Data.LoadFromEnumerable(Rows(), definition);
        }

        private IEnumerable<MnistImage> Rows()
        {
            using BinaryReader images = Open(imagesPath, ImagesMagic, "images");
            using BinaryReader labels = Open(labelsPath, LabelsMagic, "labels");
            images.BaseStream.Position = 16;
            labels.BaseStream.Position = 8;
            var pixels = new byte[Width];
            for (int i = 0; i < Count; i++)
            {
                images.BaseStream.ReadExactly(pixels);
                byte digit = labels.ReadByte();
                if (digit >= Classes)
                    throw new InvalidDataException($"Label {i} of '{labelsPath}' is {digit}; MNIST labels are 0 to 9.");
                yield return new MnistImage
                {
                    Features = Array.ConvertAll(pixels, p => p / 255f),
                    // LoadFromEnumerable stores key fields 0-based and exposes them 1-based (0 = missing).
                    Label = digit,
                };
            }
        }

        private static BinaryReader Open(string path, int magic, string what)
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"MNIST {what} file not found: '{path}'. scripts/fetch-mnist.sh downloads the files.", path);
            var reader = new BinaryReader(File.OpenRead(path));
            int found = reader.BaseStream.Length >= 4 ? ReadInt(reader) : 0;
            if (found != magic)
            {
                reader.Dispose();
                throw new InvalidDataException($"'{path}' is not an IDX {what} file: magic number 0x{found:X8}, expected 0x{magic:X8}.");
            }
            return reader;
        }

        private static int ReadInt(BinaryReader reader) => BinaryPrimitives.ReadInt32BigEndian(reader.ReadBytes(4));

        /// <summary>One image row.</summary>
        private sealed class MnistImage
        {
            public float[] Features { get; set; }

            public uint Label { get; set; }
        }
    }
}
