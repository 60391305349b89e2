import { register } from "../registration";
import { handlePing } from "./ping";

export const systemRegistrations = [register("ping", handlePing)];
