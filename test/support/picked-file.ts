/**
 * A picked workbook read in jsdom as the browser reads it: File.arrayBuffer, then its zip parts
 * inflated through Blob.stream() and DecompressionStream("deflate-raw") — Node's own stream,
 * which jsdom leaves out. Import it after ./dom in a component test that picks a file.
 */
import { DecompressionStream, ReadableStream } from "node:stream/web";

if (typeof window !== "undefined") {
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    };
  }
  if (!Blob.prototype.stream) {
    Blob.prototype.stream = function stream(this: Blob) {
      const bytes = this.arrayBuffer();
      return new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new Uint8Array(await bytes));
          controller.close();
        },
      }) as unknown as ReturnType<Blob["stream"]>;
    };
  }
  if (typeof globalThis.DecompressionStream === "undefined") Object.assign(globalThis, { DecompressionStream });
}
