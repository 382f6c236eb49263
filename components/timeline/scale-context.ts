"use client";

import { createContext } from "react";
import type { TimeRange } from "./timeline-scale";

// The visible span, for lanes drawn inside the timeline's rows.
export const ScaleContext = createContext<TimeRange | null>(null);
