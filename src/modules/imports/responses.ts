import { z } from "zod";

export const importJobBody = z.object({
  id: z.string(),
  kind: z.enum(["units", "people", "indicators"]),
  fileName: z.string(),
  status: z.enum(["preview", "running", "done", "failed"]),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  preview: z.array(z.record(z.string(), z.unknown())).meta({ description: "Tối đa 100 dòng đầu của tệp, theo tên cột." }),
  result: z.object({ created: z.number().int(), updated: z.number().int() }).nullable(),
});
