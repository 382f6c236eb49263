import { route } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = route({ public: true }, async () => openApiDocument());
