#!/usr/bin/env python3
"""Generate the Microsoft.Spark 2.3.1 reference stub from the public API listing.

Usage (from anywhere):
    python3 tests/StreamLint.SparkStub/Generator/generate_stub.py [path/to/Microsoft.Spark-2.3.1.api.tsv]

Without an argument the listing is the repository's copy,
tests/StreamLint.SparkStub/Api/Microsoft.Spark-2.3.1.api.tsv (see the README beside it).

The output is one C# file per namespace under tests/StreamLint.SparkStub/Generated/. Every body
throws; every public type and member comes from a row of the .tsv (the second column is already
C# syntax, so each row is translated nearly verbatim). This script is not part of the build:
re-run it and commit the output when the listing or the selection below changes.
ReferenceStubFidelityTests checks the compiled stub against the .tsv.
"""

import os
import re
import sys
from collections import OrderedDict

TSV_NAME = "Microsoft.Spark-2.3.1.api.tsv"

# --------------------------------------------------------------------------------------------
# Selection. Everything in the listing is generated except what is named here.
# --------------------------------------------------------------------------------------------

# Whole types left out (doc-comment ID prefixes), with the reason.
EXCLUDED_TYPES = [
    ("T:Microsoft.Spark.ML.",
     "ML pipeline API: its generic types carry variance and constraints (e.g. IEstimator<out M>,"
     " 'where M : JavaModel<M>') that the listing does not show; not needed for streaming analysis"),
    ("T:Microsoft.Spark.Sql.ArrowFunctions",
     "vector UDFs: the real generic parameters are constrained to Apache.Arrow types"),
    ("T:Microsoft.Spark.Sql.DataFrameFunctions",
     "vector UDFs: the real generic parameters are constrained to Microsoft.Data.Analysis types"),
    ("T:Microsoft.Spark.Sql.UdfRegistrationExtensions",
     "vector UDF registration: the real generic parameters are constrained to Apache.Arrow types"),
    ("T:Microsoft.Spark.Sql.DataFrameUdfRegistrationExtensions",
     "vector UDF registration: the real generic parameters are constrained to Microsoft.Data.Analysis types"),
    ("T:System.ArrayExtensions",
     "empty helper class in namespace System; would leak into every consumer (incl. the test project)"),
    ("T:System.Collections.Generic.Dictionary",
     "empty helper class in namespace System.Collections.Generic; would leak into every consumer"),
]

# Members of generated types left out, with the reason.
EXCLUDED_MEMBERS = {
    "M:Microsoft.Spark.Sql.RelationalGroupedDataset.Apply(Microsoft.Spark.Sql.Types.StructType,System.Func{Microsoft.Data.Analysis.DataFrame,Microsoft.Data.Analysis.DataFrame})":
        "needs the Microsoft.Data.Analysis package (not referenced by the stub)",
    "M:Microsoft.Spark.Sql.RelationalGroupedDataset.Apply(Microsoft.Spark.Sql.Types.StructType,System.Func{Apache.Arrow.RecordBatch,Apache.Arrow.RecordBatch})":
        "needs the Apache.Arrow package (not referenced by the stub)",
}

# Base types/interfaces from outside the listing that are left out of a type's base list.
DROPPED_BASES = {
    "MessagePack.IMessagePackSerializationCallbackReceiver":
        "MessagePack interface; the stub does not reference MessagePack",
}

# Static classes whose methods are extension methods in the real assembly (the listing does not
# print the 'this' modifier). Checked against the dotnet/spark sources.
EXTENSION_CLASSES = {
    "T:Microsoft.Spark.Experimental.Sql.SparkSessionExtensions",
}

# Namespace roots that must be written as global::X in the generated code (namespaces such as
# Microsoft.Spark.Sql.Catalog and members such as SparkSession.Catalog would otherwise shadow them).
GLOBAL_ROOTS = ("System", "Microsoft", "Newtonsoft", "MessagePack", "Apache")

CSHARP_KEYWORDS = set("""
abstract as base bool break byte case catch char checked class const continue decimal default
delegate do double else enum event explicit extern false finally fixed float for foreach goto if
implicit in int interface internal is lock long namespace new null object operator out override
params private protected public readonly ref return sbyte sealed short sizeof stackalloc static
string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual
void volatile while
""".split())

OPERATOR_NAMES = {
    "op_UnaryNegation", "op_UnaryPlus", "op_LogicalNot", "op_OnesComplement", "op_Equality",
    "op_Inequality", "op_GreaterThan", "op_LessThan", "op_GreaterThanOrEqual", "op_LessThanOrEqual",
    "op_BitwiseOr", "op_BitwiseAnd", "op_ExclusiveOr", "op_Addition", "op_Subtraction",
    "op_Multiply", "op_Division", "op_Modulus", "op_Implicit", "op_Explicit", "op_True", "op_False",
    "op_Increment", "op_Decrement", "op_LeftShift", "op_RightShift",
}


def find_tsv():
    if len(sys.argv) > 1:
        return sys.argv[1]
    candidate = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Api", TSV_NAME)
    if not os.path.isfile(candidate):
        sys.exit("Could not find the API listing %s" % candidate)
    return candidate


def globalize(text):
    pattern = r"(?<![\w.:])(" + "|".join(GLOBAL_ROOTS) + r")\."
    return re.sub(pattern, r"global::\1.", text)


def split_top_level(s, sep=","):
    parts, depth, cur, in_str = [], 0, "", False
    for ch in s:
        if ch == '"':
            in_str = not in_str
        if not in_str:
            if ch in "<([{":
                depth += 1
            elif ch in ">)]}":
                depth -= 1
            elif ch == sep and depth == 0:
                parts.append(cur)
                cur = ""
                continue
        cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


def escape_param_names(member):
    """Prefix parameter names that are C# keywords with '@' (none in 2.3.1, kept for safety)."""
    m = re.match(r"^(.*?)\((.*)\)(.*)$", member) or re.match(r"^(this)\[(.*)\](.*)$", member)
    if not m:
        return member
    head, params, tail = m.groups()
    out = []
    for p in split_top_level(params):
        default = ""
        if " = " in p:
            p, default = p.split(" = ", 1)
            default = " = " + default
        type_part, name = p.rsplit(" ", 1)
        if name in CSHARP_KEYWORDS:
            name = "@" + name
        out.append("%s %s%s" % (type_part, name, default))
    if member.startswith("this["):
        return "this[%s]%s" % (", ".join(out), tail)
    return "%s(%s)%s" % (head, ", ".join(out), tail)


class TypeInfo:
    def __init__(self, doc_id, sig):
        self.doc_id = doc_id
        m = re.match(r"^((?:\[[^\]]*\] )*)((?:(?:static|sealed|abstract) )*)(class|interface|enum|struct) (\S+)(?: : (.*))?$", sig)
        if not m:
            raise ValueError("Unparsed type row: " + sig)
        self.attrs = m.group(1)
        self.mods = m.group(2)
        self.kind = m.group(3)
        self.display = m.group(4)  # e.g. Microsoft.Spark.Broadcast<T>
        self.bases = [b for b in split_top_level(m.group(5) or "")]
        name = doc_id[2:]
        self.namespace = name.rsplit(".", 1)[0]
        self.simple_display = self.display[len(self.namespace) + 1:]  # Broadcast<T>
        self.simple_name = re.sub(r"<.*$", "", self.simple_display)  # Broadcast
        self.members = []  # (doc_id, sig)

    @property
    def is_static(self):
        return "static " in self.mods


def parse_member(t, doc_id, sig):
    """Split a member row into attributes, modifiers, return type and the member part."""
    m = re.match(r"^((?:\[\w+\(\"[^\"]*\"\)\] )*)(.*)$", sig)
    attrs, rest = m.group(1), m.group(2)
    mods = []
    while True:
        w = rest.split(" ", 1)[0]
        if w in ("static", "override", "virtual", "abstract", "sealed"):
            mods.append(w)
            rest = rest.split(" ", 1)[1]
        else:
            break
    owner = t.display + "."
    if rest.startswith(owner):
        ret, member = "", rest[len(owner):]
    else:
        idx = rest.find(" " + owner)
        if idx < 0:
            raise ValueError("Owner %s not found in %s" % (t.display, sig))
        ret, member = rest[:idx], rest[idx + len(owner) + 1:]
    # Sanity check: the member part starts with the name the doc-comment ID implies.
    raw_name = re.sub(r"\(.*$", "", doc_id[2:])[len(t.doc_id) - 1:]
    raw_name = re.sub(r"``\d+$", "", raw_name).split("~")[0]
    if raw_name == "#ctor":
        expected = t.simple_name + "("
    elif raw_name in ("op_Implicit", "op_Explicit"):
        expected = raw_name[3:].lower() + " operator "
    elif raw_name in OPERATOR_NAMES:
        expected = "operator "
    elif doc_id.startswith("P:") and raw_name == "Item":
        expected = "this["
    else:
        expected = raw_name
    if not member.startswith(expected):
        raise ValueError("Member part %r of %s does not start with %r" % (member, doc_id, expected))
    return attrs, mods, ret, member, raw_name


def zero_arg_callable(member):
    params = re.match(r"^[^(]*\((.*)\)$", member).group(1)
    return all(" = " in p for p in split_top_level(params))


def render_attrs(attrs):
    out = []
    for a in re.findall(r"\[(\w+)\((\"[^\"]*\")\)\]", attrs):
        out.append("[global::Microsoft.Spark.%s(%s)]" % a)
    return " ".join(out) + (" " if out else "")


def main():
    tsv = find_tsv()
    rows = []
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            doc_id, sig = line.split("\t", 1)
            rows.append((doc_id, sig))

    types = OrderedDict()
    for doc_id, sig in rows:
        if doc_id.startswith("T:"):
            types[doc_id] = TypeInfo(doc_id, sig)
    for doc_id, sig in rows:
        if doc_id.startswith("T:"):
            continue
        name = re.sub(r"\(.*$", "", doc_id[2:])
        owner = None
        for tid in types:
            if name.startswith(tid[2:] + ".") and (owner is None or len(tid) > len(owner)):
                owner = tid
        if owner is None:
            raise ValueError("No owner type for " + doc_id)
        types[owner].members.append((doc_id, sig))

    selected = OrderedDict(
        (tid, t) for tid, t in types.items()
        if not any(tid == p or (p.endswith(".") and tid.startswith(p)) for p, _ in EXCLUDED_TYPES))

    # Sanity: every type mentioned by a selected signature is selected or external.
    by_display = {re.sub(r"<.*$", "", t.display): tid for tid, t in types.items()}
    for tid, t in selected.items():
        for doc_id, sig in [(tid, " : ".join([t.display] + t.bases))] + t.members:
            if doc_id in EXCLUDED_MEMBERS:
                continue
            for ref in re.findall(r"Microsoft\.Spark[\w.]*", sig):
                if ref in by_display and by_display[ref] not in selected:
                    raise ValueError("%s refers to excluded type %s" % (doc_id, ref))

    base_classes = {b for t in selected.values() for b in t.bases}

    namespaces = OrderedDict()
    for tid, t in selected.items():
        namespaces.setdefault(t.namespace, []).append(t)

    out_dir = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Generated")
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        if old.endswith(".cs"):
            os.remove(os.path.join(out_dir, old))

    n_types = n_members = 0
    for ns, ts in namespaces.items():
        lines = [
            "// <auto-generated>",
            "// Reference stub of Microsoft.Spark 2.3.1, namespace %s." % ns,
            "// Generated from tests/StreamLint.SparkStub/Api/%s by" % TSV_NAME,
            "// tests/StreamLint.SparkStub/Generator/generate_stub.py (run: python3 that script).",
            "// Do not edit by hand: change the generator and re-run it. Every body throws.",
            "// Checked against the listing by StreamLint.Tests ReferenceStubFidelityTests.",
            "// </auto-generated>",
            "",
            "namespace %s" % ns,
            "{",
        ]
        for t in ts:
            n_types += 1
            bases = [b for b in t.bases if b not in DROPPED_BASES]
            dropped = [b for b in t.bases if b in DROPPED_BASES]
            for b in dropped:
                lines.append("    // Base left out: %s (%s)." % (b, DROPPED_BASES[b]))
            for doc_id, sig in t.members:
                if doc_id in EXCLUDED_MEMBERS:
                    lines.append("    // Member left out: %s (%s)." % (doc_id, EXCLUDED_MEMBERS[doc_id]))
            decl = "    %spublic %s%s %s" % (render_attrs(t.attrs), t.mods, t.kind, t.simple_display)
            if bases:
                decl += " : " + ", ".join(globalize(b) for b in bases)
            lines.append(decl)
            lines.append("    {")
            is_interface = t.kind == "interface"
            has_zero_arg_ctor = False
            implemented = set()
            for doc_id, sig in t.members:
                if doc_id in EXCLUDED_MEMBERS:
                    continue
                n_members += 1
                attrs, mods, ret, member, raw_name = parse_member(t, doc_id, sig)
                implemented.add(doc_id[2:][len(t.doc_id) - 1:])
                member = escape_param_names(member)
                a = render_attrs(attrs)
                ret_g = globalize(ret)
                member_g = globalize(member)
                if t.kind == "enum":
                    lines.append("        %s%s," % (a, member_g))
                    continue
                if t.doc_id in EXTENSION_CLASSES and doc_id.startswith("M:"):
                    member_g = member_g.replace("(", "(this ", 1)
                mod_text = "".join(x + " " for x in mods)
                if doc_id.startswith("P:"):
                    if is_interface:
                        lines.append("        %s%s %s" % (a, ret_g, member_g))
                    else:
                        body = member_g.replace("{ get; set; }", "{ get => throw null; set { } }") \
                                       .replace("{ get; }", "{ get => throw null; }")
                        lines.append("        %spublic %s%s %s" % (a, mod_text, ret_g, body))
                elif raw_name == "#ctor":
                    if zero_arg_callable(member):
                        has_zero_arg_ctor = True
                    lines.append("        %spublic %s { }" % (a, member_g))
                elif is_interface:
                    lines.append("        %s%s %s;" % (a, ret_g, member_g))
                elif doc_id.startswith("M:"):
                    head = "%spublic %s%s" % (a, mod_text, (ret_g + " ") if ret_g else "")
                    lines.append("        %s%s => throw null;" % (head, member_g))
                else:
                    raise ValueError("Unsupported member row: %s" % doc_id)
            # Interface members of stub interfaces that the listing does not show as public
            # members are implemented explicitly (e.g. JvmObjectReference.Reference).
            if not is_interface:
                for b in bases:
                    bid = "T:" + re.sub(r"<.*$", "", b)
                    if bid not in selected or selected[bid].kind != "interface":
                        continue
                    for mdoc, msig in selected[bid].members:
                        suffix = mdoc[2:][len(bid) - 1:]
                        if suffix in implemented:
                            continue
                        _, _, mret, mmember, _ = parse_member(selected[bid], mdoc, msig)
                        target = globalize(b) + "." + globalize(mmember)
                        if mdoc.startswith("P:"):
                            target = target.replace("{ get; }", "=> throw null;")
                            if "{" in target:
                                raise ValueError("Unsupported explicit property " + mdoc)
                            lines.append("        %s %s" % (globalize(mret), target))
                        else:
                            lines.append("        %s %s => throw null;" % (globalize(mret), target))
            # No public constructor that the listing does not show: a class without listed
            # constructors gets an internal one (suppressing the implicit public one), and so
            # does a base class of another stub class when none of its constructors takes zero
            # arguments (so that the derived constructors can chain to it).
            if t.kind == "class" and not t.is_static and not has_zero_arg_ctor:
                has_any_ctor = any(".#ctor" in d for d, _ in t.members)
                if not has_any_ctor or t.display in base_classes:
                    lines.append("        internal %s() { }" % t.simple_name)
            lines.append("    }")
            lines.append("")
        if lines[-1] == "":
            lines.pop()
        lines.append("}")
        path = os.path.join(out_dir, ns + ".cs")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")

    print("Generated %d namespaces, %d types, %d members into %s" % (len(namespaces), n_types, n_members, out_dir))
    for p, why in EXCLUDED_TYPES:
        print("  excluded %s: %s" % (p, why))
    for d, why in EXCLUDED_MEMBERS.items():
        print("  excluded %s: %s" % (d, why))


if __name__ == "__main__":
    main()
