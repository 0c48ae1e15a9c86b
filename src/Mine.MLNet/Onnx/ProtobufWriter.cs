using System;
using System.IO;
using System.Text;

namespace Mine.MLNet.Onnx
{
    /// <summary>
    /// Writes one protocol-buffers message in the wire format (varints, 32-bit floats and length-delimited
    /// fields): all that an ONNX ModelProto needs, without a protobuf code generator.
    /// </summary>
    internal sealed class ProtobufWriter
    {
        private const int Varint = 0;
        private const int LengthDelimited = 2;
        private const int Fixed32 = 5;

        private readonly MemoryStream buffer = new();

        /// <summary>An integer field (int32, int64 or enum).</summary>
        public ProtobufWriter Int(int field, long value)
        {
            Tag(field, Varint);
            WriteVarint(unchecked((ulong)value));
            return this;
        }

        /// <summary>A float field.</summary>
        public ProtobufWriter Float(int field, float value)
        {
            Tag(field, Fixed32);
            buffer.Write(BitConverter.GetBytes(value));
            return this;
        }

        /// <summary>A UTF-8 string field.</summary>
        public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        /// <summary>A bytes field.</summary>
        public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
        {
            Tag(field, LengthDelimited);
            WriteVarint((ulong)value.Length);
            buffer.Write(value);
            return this;
        }

        /// <summary>An embedded message field.</summary>
        public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

        /// <summary>The message written so far.</summary>
        public byte[] ToArray() => buffer.ToArray();

        private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            buffer.WriteByte((byte)value);
        }
    }
}
