/** The URL as it may be shown: the password replaced by `***` (also when the URL cannot be parsed). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const key of ["password", "sslpassword"])
      if (u.searchParams.has(key)) u.searchParams.set(key, "***");
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  }
}
