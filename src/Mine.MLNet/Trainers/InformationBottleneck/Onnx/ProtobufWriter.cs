using System;
using System.IO;
using Google.Protobuf;

namespace Mine.MLNet.Trainers.InformationBottleneck.Onnx
{
    /// <summary>
    /// Builds one protocol-buffers message field by field with Google.Protobuf's <see cref="CodedOutputStream"/>: all that
    /// an ONNX ModelProto needs (integers, floats, strings, bytes and embedded messages), without generated classes for
    /// the ONNX schema. Field numbers are onnx.proto's, given by <see cref="OnnxGraphBuilder"/>.
    /// </summary>
    internal sealed class ProtobufWriter
    {
        private readonly MemoryStream buffer = new();
        private readonly CodedOutputStream output;

        public ProtobufWriter()
        {
            output = new CodedOutputStream(buffer, leaveOpen: true);
        }

        /// <summary>An integer field (int32, int64 or enum).</summary>
        public ProtobufWriter Int(int field, long value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
            return this;
        }

        /// <summary>A float field.</summary>
        public ProtobufWriter Float(int field, float value)
        {
            output.WriteTag(field, WireFormat.WireType.Fixed32);
            output.WriteFloat(value);
            return this;
        }

        /// <summary>A UTF-8 string field.</summary>
        public ProtobufWriter String(int field, string value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
            return this;
        }

        /// <summary>A bytes field.</summary>
        public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(value));
            return this;
        }

        /// <summary>An embedded message field.</summary>
        public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

        /// <summary>The message written so far.</summary>
        public byte[] ToArray()
        {
            output.Flush();
            return buffer.ToArray();
        }
    }
}
