// klayers' own CPU kernels, built by `klayers native setup` for the machine it runs on (-march=native)
// against the Eigen headers of the tensorflow-cpu wheel. TensorFlow's own Eigen kernels are compiled for
// AVX only; these use every instruction the CPU has (FMA, AVX-512), which is what PyTorch's and
// oneDNN's kernels do at run time.
//
// A Node-API addon over host Float32Arrays (the engine copies a layer's tensors in and out): no
// TensorFlow types, no state kept between calls. src/engine/backend/native/own-kernels.ts loads it.
//
// LSTM: Keras's cell (gates i, f, c, o; sigmoid and tanh), the whole sequence per call:
//   forward  z_t = x_t·W + h_{t-1}·U + b; c_t = f·c_{t-1} + i·g; h_t = o·tanh(c_t)
//   backward the gradients of x, W, U and b through time. Every timestep's input projection and the
//   three weight gradients are one matrix product each; only h·U and dz·Uᵀ run per step.
// Conv2D: im2col and one matrix product per image, forward and backward (small kernels directly).
// MaxPooling2D: the maximum's place kept by the forward pass, a scatter for the backward.
#include <node_api.h>

#include <Eigen/Core>
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using Mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MapM = Eigen::Map<Mat>;
using MapCM = Eigen::Map<const Mat>;
using Arr = Eigen::Map<Eigen::ArrayXf>;
using CArr = Eigen::Map<const Eigen::ArrayXf>;

struct Args {
  napi_env env;
  napi_value argv[24];
  size_t argc = 24;
  bool ok = true;

  Args(napi_env e, napi_callback_info info) : env(e) { napi_get_cb_info(e, info, &argc, argv, nullptr, nullptr); }

  void fail(const char* message) {
    if (ok) napi_throw_type_error(env, nullptr, message);
    ok = false;
  }

  // A typed-array argument of `want`'s type holding exactly `size` values.
  template <typename T>
  T* typed(size_t i, size_t size, napi_typedarray_type want, const char* what) {
    napi_typedarray_type type;
    size_t length = 0;
    void* data = nullptr;
    bool is = false;
    if (i >= argc || napi_is_typedarray(env, argv[i], &is) != napi_ok || !is ||
        napi_get_typedarray_info(env, argv[i], &type, &length, &data, nullptr, nullptr) != napi_ok || type != want || length != size) {
      fail(what);
      return nullptr;
    }
    return static_cast<T*>(data);
  }

  float* floats(size_t i, size_t size) { return typed<float>(i, size, napi_float32_array, "expected a Float32Array of the layer's size"); }
  int32_t* ints(size_t i, size_t size) { return typed<int32_t>(i, size, napi_int32_array, "expected an Int32Array of the layer's size"); }

  // The length of a typed-array argument (0 when it is not one).
  size_t length(size_t i) {
    napi_typedarray_type type;
    size_t n = 0;
    bool is = false;
    if (i >= argc || napi_is_typedarray(env, argv[i], &is) != napi_ok || !is) return 0;
    napi_get_typedarray_info(env, argv[i], &type, &n, nullptr, nullptr, nullptr);
    return n;
  }

  int64_t integer(size_t i) {
    int64_t v = 0;
    if (i >= argc || napi_get_value_int64(env, argv[i], &v) != napi_ok || v < 0) fail("expected a non-negative integer");
    return v;
  }

  bool flag(size_t i) {
    bool v = false;
    if (i >= argc || napi_get_value_bool(env, argv[i], &v) != napi_ok) fail("expected a boolean");
    return v;
  }
};

// A barrier for the threads of one kernel call: they spin (each owns a core for the call's few
// milliseconds; a step is tens of microseconds, too short to sleep and wake), yielding now and then.
class Barrier {
 public:
  explicit Barrier(int n) : n_(n) {}
  void wait() {
    const int gen = gen_.load(std::memory_order_acquire);
    if (count_.fetch_add(1, std::memory_order_acq_rel) + 1 == n_) {
      count_.store(0, std::memory_order_relaxed);
      gen_.fetch_add(1, std::memory_order_release);
      return;
    }
    for (int spins = 0; gen_.load(std::memory_order_acquire) == gen; spins++)
      if (spins > 4096) std::this_thread::yield();
  }

 private:
  const int n_;
  std::atomic<int> count_{0};
  std::atomic<int> gen_{0};
};

// `work(part)` for part 0..parts-1 at once, part 0 on this thread.
template <typename F>
void inParts(int parts, F&& work) {
  std::vector<std::thread> others;
  for (int p = 1; p < parts; p++) others.emplace_back([&work, p] { work(p); });
  work(0);
  for (auto& t : others) t.join();
}

// The LSTM's units are split between the threads: part p owns units [p·Hp, (p+1)·Hp) of every
// gate, and the weights' columns are gathered per part as [i f c o] of its units (4·Hp wide), so
// each thread runs its own h·U and gates and meets the other once per step.
struct LstmDims {
  int64_t B, T, I, H, P, Hp;
  int64_t G() const { return 4 * H; }
  int64_t Gp() const { return 4 * Hp; }
  int64_t N() const { return B * H; }
  // The column of the full [.., 4H] weights for column k of a part's block.
  int64_t column(int64_t p, int64_t k) const { return (k / Hp) * H + p * Hp + k % Hp; }
};

LstmDims lstmDims(int64_t B, int64_t T, int64_t I, int64_t H) {
  // Two parts when each step's h·U is large enough to pay for the meeting (~a microsecond).
  const int64_t P = H % 2 == 0 && H >= 64 && B * H * 4 * H >= (1 << 18) ? 2 : 1;
  return {B, T, I, H, P, H / P};
}

// A part's columns of a [rows, 4H] matrix.
Mat partColumns(const float* m, int64_t rows, const LstmDims& d, int64_t p) {
  Mat out(rows, d.Gp());
  for (int64_t r = 0; r < rows; r++)
    for (int64_t k = 0; k < d.Gp(); k++) out(r, k) = m[r * d.G() + d.column(p, k)];
  return out;
}

// lstmForward(x, w, u, b, B, T, I, H, goBackwards, gates, cs, hs, tanhC, out, sequences)
//   x [B·T, I], w [I, 4H], u [H, 4H], b [4H]. Writes, per step s in reading order: gates (the
//   activated gates, T·B·4H values in this file's own order, for lstmBackward), cs and hs
//   [T+1, B, H] (the states before the first step are 0) and tanhC [T, B, H]; out is [B, T, H]
//   with sequences (step s at index s, as Keras), else [B, H] (the last h).
napi_value LstmForward(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const int64_t B = a.integer(4), T = a.integer(5), I = a.integer(6), H = a.integer(7);
  const bool back = a.flag(8), seq = a.flag(14);
  if (!a.ok) return nullptr;
  const LstmDims d = lstmDims(B, T, I, H);
  const int64_t N = d.N(), Hp = d.Hp, Gp = d.Gp();
  const float* x = a.floats(0, B * T * I);
  const float* w = a.floats(1, I * d.G());
  const float* u = a.floats(2, H * d.G());
  const float* bias = a.floats(3, d.G());
  float* gates = a.floats(9, T * B * d.G());
  float* cs = a.floats(10, (T + 1) * N);
  float* hs = a.floats(11, (T + 1) * N);
  float* tanhC = a.floats(12, T * N);
  float* out = a.floats(13, seq ? B * T * H : N);
  if (!a.ok) return nullptr;

  std::memset(cs, 0, N * sizeof(float));
  std::memset(hs, 0, N * sizeof(float));
  Barrier meet(static_cast<int>(d.P));
  inParts(static_cast<int>(d.P), [&](int64_t p) {
    const Mat wp = partColumns(w, I, d, p), up = partColumns(u, H, d, p), bp = partColumns(bias, 1, d, p);
    Mat xz(B * T, Gp);
    xz.noalias() = MapCM(x, B * T, I) * wp;
    xz.rowwise() += bp.row(0);
    const int64_t u0 = p * Hp;
    for (int64_t s = 0; s < T; s++) {
      const int64_t t = back ? T - 1 - s : s;
      // This step's gates of the part: [B, 4Hp] at (s, p).
      float* z = gates + (s * d.P + p) * B * Gp;
      MapM zs(z, B, Gp);
      for (int64_t bi = 0; bi < B; bi++) std::memcpy(z + bi * Gp, xz.data() + (bi * T + t) * Gp, Gp * sizeof(float));
      if (s > 0) zs.noalias() += MapCM(hs + s * N, B, H) * up;
      for (int64_t bi = 0; bi < B; bi++) {
        float* row = z + bi * Gp;
        Arr(row, 2 * Hp) = CArr(row, 2 * Hp).logistic();
        Arr(row + 2 * Hp, Hp) = CArr(row + 2 * Hp, Hp).tanh();
        Arr(row + 3 * Hp, Hp) = CArr(row + 3 * Hp, Hp).logistic();
        const int64_t k = bi * H + u0;
        Arr c(cs + (s + 1) * N + k, Hp);
        c = CArr(row + Hp, Hp) * CArr(cs + s * N + k, Hp) + CArr(row, Hp) * CArr(row + 2 * Hp, Hp);
        Arr tc(tanhC + s * N + k, Hp);
        tc = c.tanh();
        Arr h(hs + (s + 1) * N + k, Hp);
        h = CArr(row + 3 * Hp, Hp) * tc;
        if (seq) std::memcpy(out + (bi * T + s) * H + u0, h.data(), Hp * sizeof(float));
      }
      meet.wait();  // every unit's h of this step is written before the next step reads it
    }
  });
  if (!seq) std::memcpy(out, hs + T * N, N * sizeof(float));
  return nullptr;
}

// lstmBackward(x, w, u, gates, cs, hs, tanhC, dOut, B, T, I, H, goBackwards, sequences, dx, dw, du, db)
//   what lstmForward wrote, and dOut (the gradient of its out); writes dx [B·T, I], dw [I, 4H],
//   du [H, 4H] and db [4H].
napi_value LstmBackward(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const int64_t B = a.integer(8), T = a.integer(9), I = a.integer(10), H = a.integer(11);
  const bool back = a.flag(12), seq = a.flag(13);
  if (!a.ok) return nullptr;
  const LstmDims d = lstmDims(B, T, I, H);
  const int64_t N = d.N(), Hp = d.Hp, Gp = d.Gp(), P = d.P;
  const float* x = a.floats(0, B * T * I);
  const float* w = a.floats(1, I * d.G());
  const float* u = a.floats(2, H * d.G());
  const float* gates = a.floats(3, T * B * d.G());
  const float* cs = a.floats(4, (T + 1) * N);
  const float* hs = a.floats(5, (T + 1) * N);
  const float* tanhC = a.floats(6, T * N);
  const float* dOut = a.floats(7, seq ? B * T * H : N);
  float* dx = a.floats(14, B * T * I);
  float* dw = a.floats(15, I * d.G());
  float* du = a.floats(16, H * d.G());
  float* db = a.floats(17, d.G());
  if (!a.ok) return nullptr;

  // Per part: dz by input row (b·T + t), 4Hp wide; this step's dz, double-buffered by the step's
  // parity (the other part may still read the last step's while this one writes the next).
  std::vector<Mat> dz(P), wp(P), up(P), dzs(2 * P);
  Mat hPrev(B * T, H);
  Barrier meet(static_cast<int>(P));
  inParts(static_cast<int>(P), [&](int64_t p) {
    wp[p] = partColumns(w, I, d, p);
    up[p] = partColumns(u, H, d, p);
    dz[p].resize(B * T, Gp);
    dzs[p].resize(B, Gp);
    dzs[P + p].resize(B, Gp);
    const int64_t u0 = p * Hp;
    Mat dh = Mat::Zero(B, Hp), dc = Mat::Zero(B, Hp);
    meet.wait();  // every part's weights are gathered
    for (int64_t s = T - 1; s >= 0; s--) {
      const int64_t t = back ? T - 1 - s : s;
      if (seq) {
        for (int64_t bi = 0; bi < B; bi++) Arr(dh.data() + bi * Hp, Hp) += CArr(dOut + (bi * T + s) * H + u0, Hp);
      } else if (s == T - 1) {
        for (int64_t bi = 0; bi < B; bi++) Arr(dh.data() + bi * Hp, Hp) += CArr(dOut + bi * H + u0, Hp);
      }
      Mat& step = dzs[(s % 2) * P + p];
      for (int64_t bi = 0; bi < B; bi++) {
        const float* g = gates + ((s * P + p) * B + bi) * Gp;
        const int64_t k = bi * H + u0;
        CArr gi(g, Hp), gf(g + Hp, Hp), gc(g + 2 * Hp, Hp), go(g + 3 * Hp, Hp);
        CArr tc(tanhC + s * N + k, Hp), cPrev(cs + s * N + k, Hp), dhk(dh.data() + bi * Hp, Hp);
        Arr dck(dc.data() + bi * Hp, Hp);
        float* o = step.data() + bi * Gp;
        const Eigen::ArrayXf dct = dck + dhk * go * (1 - tc * tc);
        Arr(o, Hp) = dct * gc * gi * (1 - gi);
        Arr(o + Hp, Hp) = dct * cPrev * gf * (1 - gf);
        Arr(o + 2 * Hp, Hp) = dct * gi * (1 - gc * gc);
        Arr(o + 3 * Hp, Hp) = dhk * tc * go * (1 - go);
        dck = dct * gf;
        std::memcpy(dz[p].data() + (bi * T + t) * Gp, o, Gp * sizeof(float));
        std::memcpy(hPrev.data() + (bi * T + t) * H + u0, hs + s * N + k, Hp * sizeof(float));
      }
      meet.wait();  // every part's dz of this step is written
      if (s > 0) {
        // dh of this part's units before the step: dz·Uᵀ over the part's rows of U.
        dh.noalias() = dzs[(s % 2) * P] * up[0].middleRows(u0, Hp).transpose();
        for (int64_t q = 1; q < P; q++) dh.noalias() += dzs[(s % 2) * P + q] * up[q].middleRows(u0, Hp).transpose();
      }
    }
    meet.wait();  // every dz and h before it is written
    const Mat dwp = MapCM(x, B * T, I).transpose() * dz[p];
    const Mat dup = hPrev.transpose() * dz[p];
    const Eigen::RowVectorXf dbp = dz[p].colwise().sum();
    for (int64_t k = 0; k < Gp; k++) {
      const int64_t c = d.column(p, k);
      for (int64_t r = 0; r < I; r++) dw[r * d.G() + c] = dwp(r, k);
      for (int64_t r = 0; r < H; r++) du[r * d.G() + c] = dup(r, k);
      db[c] = dbp(k);
    }
    // This part's rows of dx, from every part's dz.
    const int64_t rows = (B * T + P - 1) / P, r0 = p * rows, nr = std::min(rows, B * T - r0);
    MapM dxp(dx + r0 * I, nr, I);
    dxp.noalias() = dz[0].middleRows(r0, nr) * wp[0].transpose();
    for (int64_t q = 1; q < P; q++) dxp.noalias() += dz[q].middleRows(r0, nr) * wp[q].transpose();
  });
  return nullptr;
}

// A window of KH × KW over an H × W image (strides SH, SW; PT rows and PL columns of padding before).
struct Window {
  int64_t KH, KW, SH, SW, PT, PL, H, W;
};

// Conv2D, channels-last, undilated: per image, the input's patches as rows (im2col) times the
// kernel as a [KH·KW·C, F] matrix (its own layout), with the bias and ReLU applied as it is written.
// The images are split between two threads.
struct ConvDims {
  int64_t N, H, W, C, KH, KW, F, OH, OW, SH, SW, PT, PL;
  int64_t K() const { return KH * KW * C; }
  int64_t P() const { return OH * OW; }
  Window window() const { return {KH, KW, SH, SW, PT, PL, H, W}; }
};

ConvDims convDims(Args& a, size_t at) {
  ConvDims d{};
  int64_t* f[] = {&d.N, &d.H, &d.W, &d.C, &d.KH, &d.KW, &d.F, &d.OH, &d.OW, &d.SH, &d.SW, &d.PT, &d.PL};
  for (size_t i = 0; i < 13; i++) *f[i] = a.integer(at + i);
  return d;
}

// Calls place(kh, kw, ih, iw) for each place of output (oh, ow)'s window that is inside the image, in order.
template <typename T>
void eachInside(const Window& w, int64_t oh, int64_t ow, T&& place) {
  for (int64_t kh = 0; kh < w.KH; kh++) {
    const int64_t ih = oh * w.SH - w.PT + kh;
    if (ih < 0 || ih >= w.H) continue;
    for (int64_t kw = 0; kw < w.KW; kw++) {
      const int64_t iw = ow * w.SW - w.PL + kw;
      if (iw >= 0 && iw < w.W) place(kh, kw, ih, iw);
    }
  }
}

// One image's patches: row (oh, ow), column (kh, kw, c); zero where the window leaves the image.
void im2col(const float* x, const ConvDims& d, float* cols) {
  for (int64_t oh = 0; oh < d.OH; oh++)
    for (int64_t ow = 0; ow < d.OW; ow++) {
      float* row = cols + (oh * d.OW + ow) * d.K();
      for (int64_t kh = 0; kh < d.KH; kh++) {
        const int64_t ih = oh * d.SH + kh - d.PT;
        for (int64_t kw = 0; kw < d.KW; kw++) {
          const int64_t iw = ow * d.SW + kw - d.PL;
          float* to = row + (kh * d.KW + kw) * d.C;
          if (ih < 0 || ih >= d.H || iw < 0 || iw >= d.W) std::memset(to, 0, d.C * sizeof(float));
          else std::memcpy(to, x + (ih * d.W + iw) * d.C, d.C * sizeof(float));
        }
      }
    }
}

// The adjoint of im2col: each patch value's gradient added back to its input position.
void col2im(const float* cols, const ConvDims& d, float* dx) {
  std::memset(dx, 0, d.H * d.W * d.C * sizeof(float));
  for (int64_t oh = 0; oh < d.OH; oh++)
    for (int64_t ow = 0; ow < d.OW; ow++) {
      const float* row = cols + (oh * d.OW + ow) * d.K();
      eachInside(d.window(), oh, ow, [&](int64_t kh, int64_t kw, int64_t ih, int64_t iw) {
        Arr(dx + (ih * d.W + iw) * d.C, d.C) += CArr(row + (kh * d.KW + kw) * d.C, d.C);
      });
    }
}

// The images [from, to) of part p of `parts`.
std::pair<int64_t, int64_t> images(int64_t n, int64_t p, int64_t parts) {
  const int64_t each = (n + parts - 1) / parts;
  return {std::min(n, p * each), std::min(n, (p + 1) * each)};
}

// A kernel this small (a few taps of a few channels: Conv2D(8, 3) on one channel is 9 per filter)
// makes im2col's matrix product mostly packing: it runs directly instead, each output position's F
// filters accumulated tap by tap (the loop over filters is the vectorized one).
bool direct(const ConvDims& d) { return d.K() <= 32; }

// F filters' values, fixed-size when FF > 0 (registers), else d.F long.
template <int FF>
using Filters = Eigen::Array<float, (FF > 0 ? FF : Eigen::Dynamic), 1>;

// Where a small conv's windows lie: taps in the kernel's order (kh, kw, c) as offsets from the
// window's first value, and the output positions whose whole window is inside the image (rows
// [top, bottom), columns [left, right)): the rest, under 'same' padding, lose some taps.
struct TapLayout {
  std::vector<int64_t> offsets;
  int64_t top, bottom, left, right;
};

// The first output index from which o·S − P + k ≥ 0 for every tap k, and the end of those with o·S − P + k < L for every k.
std::pair<int64_t, int64_t> inside(int64_t L, int64_t K, int64_t S, int64_t P, int64_t O) {
  const int64_t from = (P + S - 1) / S;
  const int64_t to = L - K + P < 0 ? 0 : std::min(O, (L - K + P) / S + 1);
  return {std::min(from, O), std::max(std::min(from, O), to)};
}

TapLayout tapLayout(const ConvDims& d) {
  TapLayout w;
  for (int64_t kh = 0; kh < d.KH; kh++)
    for (int64_t kw = 0; kw < d.KW; kw++)
      for (int64_t c = 0; c < d.C; c++) w.offsets.push_back((kh * d.W + kw) * d.C + c);
  std::tie(w.top, w.bottom) = inside(d.H, d.KH, d.SH, d.PT, d.OH);
  std::tie(w.left, w.right) = inside(d.W, d.KW, d.SW, d.PL, d.OW);
  return w;
}

// Calls tap(t, i) for each tap t of output (oh, ow)'s window that is inside the image, i its input index.
template <typename T>
void eachTap(const ConvDims& d, int64_t oh, int64_t ow, T&& tap) {
  eachInside(d.window(), oh, ow, [&](int64_t kh, int64_t kw, int64_t ih, int64_t iw) {
    for (int64_t c = 0; c < d.C; c++) tap((kh * d.KW + kw) * d.C + c, (ih * d.W + iw) * d.C + c);
  });
}

// Output positions summed at once, in registers: enough to hide a multiply-add's latency, few
// enough that they and a tap's weights fit the CPU's vector registers.
constexpr int block(int FF) { return FF > 0 && FF <= 16 ? 8 : 4; }

// One image's output, directly: y[oh, ow, :] = b + Σ x[ih, iw, c]·k[kh, kw, c, :], then ReLU. Inside
// the image, block(FF) neighbouring positions are summed at once, each tap's F weights loaded once
// for them (independent multiply-adds that overlap); positions whose window leaves the image
// (padding) and a row's last few go one at a time. FF is F when it is one of the common filter
// counts (a whole number of vector registers), else 0 and d.F is used.
template <int FF>
void directForward(const float* __restrict x, const float* __restrict k, const float* __restrict b, bool relu, const ConvDims& d, const TapLayout& w, float* __restrict y) {
  constexpr int BL = block(FF);
  const int64_t F = FF > 0 ? FF : d.F, K = d.K(), step = d.SW * d.C;
  const int64_t* off = w.offsets.data();
  Filters<FF> acc[BL], kv(F);
  for (auto& a : acc) a.resize(F);
  const auto start = [&](Filters<FF>& a) {
    if (b) a = Eigen::Map<const Filters<FF>>(b, F);
    else a.setZero();
  };
  const auto finish = [&](const Filters<FF>& a, int64_t at) {
    Eigen::Map<Filters<FF>> out(y + at * F, F);
    if (relu) out = a.max(0.0f);
    else out = a;
  };
  const auto one = [&](int64_t oh, int64_t ow) {
    start(acc[0]);
    eachTap(d, oh, ow, [&](int64_t t, int64_t i) { acc[0] += x[i] * Eigen::Map<const Filters<FF>>(k + t * F, F); });
    finish(acc[0], oh * d.OW + ow);
  };
  for (int64_t oh = 0; oh < d.OH; oh++) {
    const bool rowInside = oh >= w.top && oh < w.bottom;
    int64_t ow = 0;
    for (; ow < (rowInside ? w.left : d.OW); ow++) one(oh, ow);
    for (; ow + BL <= w.right; ow += BL) {
      for (auto& a : acc) start(a);
      const float* first = x + ((oh * d.SH - d.PT) * d.W + ow * d.SW - d.PL) * d.C;
      for (int64_t t = 0; t < K; t++) {
        kv = Eigen::Map<const Filters<FF>>(k + t * F, F);
        const float* xt = first + off[t];
#pragma GCC unroll 8
        for (int j = 0; j < BL; j++) acc[j] += xt[j * step] * kv;
      }
#pragma GCC unroll 8
      for (int j = 0; j < BL; j++) finish(acc[j], oh * d.OW + ow + j);
    }
    for (; ow < d.OW; ow++) one(oh, ow);
  }
}

// One image's gradients, directly, added to dk [K, F] and db [F], and written to dx (when given):
// dz = dy where y > 0 (when y is given, for ReLU); dk[t, :] += Σ x[window + t]·dz[oh, ow, :]
// (block(FF) positions at a time inside the image, in two interleaved sums), db += Σ dz, and
// dx[i] += Σ_f dz[oh, ow, f]·k[t, f].
template <int FF>
void directBackward(const float* __restrict x, const float* __restrict k, const float* __restrict y, const float* __restrict dy, const ConvDims& d, const TapLayout& w, float* __restrict dx, float* __restrict dk, float* __restrict db) {
  constexpr int BL = block(FF);
  const int64_t F = FF > 0 ? FF : d.F, K = d.K(), step = d.SW * d.C;
  const int64_t* off = w.offsets.data();
  Eigen::ArrayXXf dz(F, d.OW);
  Filters<FF> s0(F), s1(F);
  Eigen::Map<Eigen::ArrayXf> dbs(db, F);
  if (dx) std::memset(dx, 0, d.H * d.W * d.C * sizeof(float));
  for (int64_t oh = 0; oh < d.OH; oh++) {
    const Eigen::Map<const Eigen::ArrayXXf> dyr(dy + oh * d.OW * F, F, d.OW);
    if (y) dz = (Eigen::Map<const Eigen::ArrayXXf>(y + oh * d.OW * F, F, d.OW) > 0.0f).select(dyr, 0.0f);
    else dz = dyr;
    dbs += dz.rowwise().sum();
    const auto dzAt = [&](int64_t ow) { return Eigen::Map<const Filters<FF>>(dz.data() + ow * F, F); };
    const auto one = [&](int64_t ow) {
      eachTap(d, oh, ow, [&](int64_t t, int64_t i) { Eigen::Map<Filters<FF>>(dk + t * F, F) += x[i] * dzAt(ow); });
    };
    const bool rowInside = oh >= w.top && oh < w.bottom;
    int64_t ow = 0;
    for (; ow < (rowInside ? w.left : d.OW); ow++) one(ow);
    for (; ow + BL <= w.right; ow += BL) {
      const float* first = x + ((oh * d.SH - d.PT) * d.W + ow * d.SW - d.PL) * d.C;
      for (int64_t t = 0; t < K; t++) {
        const float* xt = first + off[t];
        s0 = xt[0] * dzAt(ow);
        s1 = xt[step] * dzAt(ow + 1);
#pragma GCC unroll 8
        for (int j = 2; j < BL; j += 2) s0 += xt[j * step] * dzAt(ow + j), s1 += xt[(j + 1) * step] * dzAt(ow + j + 1);
        Eigen::Map<Filters<FF>>(dk + t * F, F) += s0 + s1;
      }
    }
    for (; ow < d.OW; ow++) one(ow);
    if (dx)
      for (ow = 0; ow < d.OW; ow++)
        eachTap(d, oh, ow, [&](int64_t t, int64_t i) { dx[i] += (dzAt(ow) * Eigen::Map<const Filters<FF>>(k + t * F, F)).sum(); });
  }
}

// run(FF), FF an integral constant: F (a count of filters or channels) when it is 8, 16, 32 or 64, else 0.
template <typename R>
void withFilters(int64_t F, R&& run) {
  switch (F) {
    case 8: run(std::integral_constant<int, 8>{}); break;
    case 16: run(std::integral_constant<int, 16>{}); break;
    case 32: run(std::integral_constant<int, 32>{}); break;
    case 64: run(std::integral_constant<int, 64>{}); break;
    default: run(std::integral_constant<int, 0>{});
  }
}

int convParts(const ConvDims& d) { return d.N >= 2 && d.N * d.P() * d.K() * d.F >= (1 << 20) ? 2 : 1; }

// conv2dForward(x, kernel, bias, relu, y, N, H, W, C, KH, KW, F, OH, OW, SH, SW, PT, PL)
//   x [N, H, W, C], kernel [KH, KW, C, F], bias [F] (or an empty array: none), y [N, OH, OW, F].
napi_value Conv2dForward(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const ConvDims d = convDims(a, 5);
  const bool relu = a.flag(3);
  if (!a.ok) return nullptr;
  const float* x = a.floats(0, d.N * d.H * d.W * d.C);
  const float* k = a.floats(1, d.K() * d.F);
  const bool hasBias = a.length(2) != 0;
  const float* b = hasBias ? a.floats(2, d.F) : nullptr;
  float* y = a.floats(4, d.N * d.P() * d.F);
  if (!a.ok) return nullptr;
  const int parts = convParts(d);
  if (direct(d)) {
    const TapLayout w = tapLayout(d);
    inParts(parts, [&](int64_t p) {
      const auto [from, to] = images(d.N, p, parts);
      withFilters(d.F, [&](auto FF) {
        for (int64_t n = from; n < to; n++) directForward<decltype(FF)::value>(x + n * d.H * d.W * d.C, k, b, relu, d, w, y + n * d.P() * d.F);
      });
    });
    return nullptr;
  }
  inParts(parts, [&](int64_t p) {
    Mat cols(d.P(), d.K());
    const auto [from, to] = images(d.N, p, parts);
    for (int64_t n = from; n < to; n++) {
      im2col(x + n * d.H * d.W * d.C, d, cols.data());
      MapM out(y + n * d.P() * d.F, d.P(), d.F);
      out.noalias() = cols * MapCM(k, d.K(), d.F);
      if (hasBias) out.rowwise() += MapCM(b, 1, d.F).row(0);
      if (relu) out = out.cwiseMax(0.0f);
    }
  });
  return nullptr;
}

// conv2dBackward(x, kernel, y, dy, relu, needsInput, dx, dk, db, N, H, W, C, KH, KW, F, OH, OW, SH, SW, PT, PL)
//   the gradients of x (when needsInput; else dx is not written), the kernel and the bias (db may
//   be empty: no bias) from dy [N, OH, OW, F]; with relu, dy counts where the output y is > 0.
napi_value Conv2dBackward(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const ConvDims d = convDims(a, 9);
  const bool relu = a.flag(4), needsInput = a.flag(5);
  if (!a.ok) return nullptr;
  const int64_t xSize = d.N * d.H * d.W * d.C, ySize = d.N * d.P() * d.F;
  const float* x = a.floats(0, xSize);
  const float* k = a.floats(1, d.K() * d.F);
  const float* y = a.floats(2, ySize);
  const float* dy = a.floats(3, ySize);
  float* dx = needsInput ? a.floats(6, xSize) : nullptr;
  float* dk = a.floats(7, d.K() * d.F);
  const bool hasBias = a.length(8) != 0;
  float* db = hasBias ? a.floats(8, d.F) : nullptr;
  if (!a.ok) return nullptr;
  const int parts = convParts(d);
  std::vector<Mat> dkParts(parts);
  std::vector<Eigen::RowVectorXf> dbParts(parts);
  inParts(parts, [&](int64_t p) {
    Mat cols, dz(d.P(), d.F), dcols;
    Mat& dkp = dkParts[p];
    dkp = Mat::Zero(d.K(), d.F);
    dbParts[p] = Eigen::RowVectorXf::Zero(d.F);
    const auto [from, to] = images(d.N, p, parts);
    if (direct(d)) {
      const TapLayout w = tapLayout(d);
      withFilters(d.F, [&](auto FF) {
        for (int64_t n = from; n < to; n++) {
          const float* yn = relu ? y + n * d.P() * d.F : nullptr;
          directBackward<decltype(FF)::value>(x + n * d.H * d.W * d.C, k, yn, dy + n * d.P() * d.F, d, w, needsInput ? dx + n * d.H * d.W * d.C : nullptr, dkp.data(), dbParts[p].data());
        }
      });
      return;
    }
    cols.resize(d.P(), d.K());
    for (int64_t n = from; n < to; n++) {
      const MapCM dyn(dy + n * d.P() * d.F, d.P(), d.F);
      if (relu) dz = (MapCM(y + n * d.P() * d.F, d.P(), d.F).array() > 0.0f).select(dyn, 0.0f);
      else dz = dyn;
      im2col(x + n * d.H * d.W * d.C, d, cols.data());
      dkp.noalias() += cols.transpose() * dz;
      dbParts[p] += dz.colwise().sum();
      if (needsInput) {
        dcols.noalias() = dz * MapCM(k, d.K(), d.F).transpose();
        col2im(dcols.data(), d, dx + n * d.H * d.W * d.C);
      }
    }
  });
  MapM dkOut(dk, d.K(), d.F);
  dkOut = dkParts[0];
  for (int q = 1; q < parts; q++) dkOut += dkParts[q];
  if (hasBias) {
    Eigen::RowVectorXf sum = dbParts[0];
    for (int q = 1; q < parts; q++) sum += dbParts[q];
    Eigen::Map<Eigen::RowVectorXf>(db, d.F) = sum;
  }
  return nullptr;
}

// MaxPooling2D while training, channels-last: the forward pass keeps where each window's maximum
// was (its first, as TensorFlow's MaxPoolWithArgmax: a later value must be strictly larger), and
// the backward pass adds each output's gradient at that place.
// maxPoolForward(x, y, argmax, N, H, W, C, PH, PW, SH, SW, OH, OW, PT, PL)
//   x [N, H, W, C], y and argmax (an Int32Array of positions within the image) [N, OH, OW, C].
struct PoolDims {
  int64_t N, H, W, C, PH, PW, SH, SW, OH, OW, PT, PL;
  Window window() const { return {PH, PW, SH, SW, PT, PL, H, W}; }
};

// Calls tap(at) for each position of output (oh, ow)'s window inside the image, in order; `at` is
// the position's first value within the image.
template <typename T>
void eachPoolTap(const PoolDims& d, int64_t oh, int64_t ow, T&& tap) {
  eachInside(d.window(), oh, ow, [&](int64_t, int64_t, int64_t ih, int64_t iw) { tap(static_cast<int32_t>((ih * d.W + iw) * d.C)); });
}

// Eight floats or ints as one vector value (GCC's and Clang's vector extensions: compares and
// selects over all eight at once, in AVX registers where the CPU has them).
typedef float Floats8 __attribute__((vector_size(32)));
typedef int32_t Ints8 __attribute__((vector_size(32)));

// One image's pool when C is a multiple of 8: each window's maximum and its place kept eight
// channels to a vector, VV vectors (C / 8, or 0: d.C / 8 at run time), written once per output.
// About ten times the plain loop's speed, which the compiler keeps scalar, with a branch per value.
template <int VV>
void maxPoolImageBy8(const float* __restrict x, const PoolDims& d, float* __restrict y, int32_t* __restrict arg) {
  const int64_t V = VV > 0 ? VV : d.C / 8;
  const Ints8 lanes = {0, 1, 2, 3, 4, 5, 6, 7};
  std::vector<Floats8> bestOf(VV > 0 ? 0 : V);
  std::vector<Ints8> whereOf(VV > 0 ? 0 : V);
  Floats8 bestHere[VV > 0 ? VV : 1];  // in registers when VV is fixed
  Ints8 whereHere[VV > 0 ? VV : 1];
  Floats8* best = VV > 0 ? bestHere : bestOf.data();
  Ints8* where = VV > 0 ? whereHere : whereOf.data();
  for (int64_t oh = 0; oh < d.OH; oh++)
    for (int64_t ow = 0; ow < d.OW; ow++) {
      bool first = true;
      eachPoolTap(d, oh, ow, [&](int32_t at) {
        for (int64_t j = 0; j < V; j++) {
          Floats8 v;
          std::memcpy(&v, x + at + 8 * j, sizeof v);
          const Ints8 place = lanes + static_cast<int32_t>(at + 8 * j);
          if (first) {
            best[j] = v, where[j] = place;
            continue;
          }
          const Ints8 larger = v > best[j];  // the first of equal values stays
          best[j] = larger ? v : best[j];
          where[j] = larger ? place : where[j];
        }
        first = false;
      });
      std::memcpy(y + (oh * d.OW + ow) * d.C, best, V * sizeof(Floats8));
      std::memcpy(arg + (oh * d.OW + ow) * d.C, where, V * sizeof(Ints8));
    }
}

// One image's pool, any C: the maximum and its place updated in the output.
void maxPoolImage(const float* __restrict x, const PoolDims& d, float* __restrict y, int32_t* __restrict arg) {
  const int64_t C = d.C;
  for (int64_t oh = 0; oh < d.OH; oh++)
    for (int64_t ow = 0; ow < d.OW; ow++) {
      float* yo = y + (oh * d.OW + ow) * C;
      int32_t* ao = arg + (oh * d.OW + ow) * C;
      bool first = true;
      eachPoolTap(d, oh, ow, [&](int32_t at) {
        const float* xi = x + at;
        if (first) {
          std::memcpy(yo, xi, C * sizeof(float));
          for (int64_t c = 0; c < C; c++) ao[c] = at + static_cast<int32_t>(c);
          first = false;
          return;
        }
        for (int64_t c = 0; c < C; c++)
          if (xi[c] > yo[c]) yo[c] = xi[c], ao[c] = at + static_cast<int32_t>(c);
      });
    }
}

napi_value MaxPoolForward(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PoolDims d{};
  int64_t* f[] = {&d.N, &d.H, &d.W, &d.C, &d.PH, &d.PW, &d.SH, &d.SW, &d.OH, &d.OW, &d.PT, &d.PL};
  for (size_t i = 0; i < 12; i++) *f[i] = a.integer(3 + i);
  if (!a.ok) return nullptr;
  const int64_t image = d.H * d.W * d.C, out = d.OH * d.OW * d.C;
  const float* x = a.floats(0, d.N * image);
  float* y = a.floats(1, d.N * out);
  int32_t* arg = a.ints(2, d.N * out);
  if (!a.ok) return nullptr;
  const auto each = [&](auto pool) {
    for (int64_t n = 0; n < d.N; n++) pool(x + n * image, d, y + n * out, arg + n * out);
  };
  if (d.C % 8 != 0) each(maxPoolImage);
  else withFilters(d.C, [&](auto CC) { each(maxPoolImageBy8<decltype(CC)::value / 8>); });
  return nullptr;
}

// maxPoolBackward(dy, argmax, dx, N, imageSize, outputSize): dx [N, imageSize] is zeroed, then each
// of the N·outputSize gradients is added at its argmax in its image.
napi_value MaxPoolBackward(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const int64_t N = a.integer(3), image = a.integer(4), out = a.integer(5);
  if (!a.ok) return nullptr;
  const float* dy = a.floats(0, N * out);
  const int32_t* arg = a.ints(1, N * out);
  float* dx = a.floats(2, N * image);
  if (!a.ok) return nullptr;
  std::memset(dx, 0, N * image * sizeof(float));
  for (int64_t n = 0; n < N; n++)
    for (int64_t i = 0; i < out; i++) dx[n * image + arg[n * out + i]] += dy[n * out + i];
  return nullptr;
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      {"lstmForward", nullptr, LstmForward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"lstmBackward", nullptr, LstmBackward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"conv2dForward", nullptr, Conv2dForward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"conv2dBackward", nullptr, Conv2dBackward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"maxPoolForward", nullptr, MaxPoolForward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"maxPoolBackward", nullptr, MaxPoolBackward, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
